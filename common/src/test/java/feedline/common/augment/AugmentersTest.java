package feedline.common.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Synonym swap, sentence shuffle and EDA edits against the real WordNet and HanLP dictionaries. */
class AugmentersTest {
  private static final WordNetSynonyms WN = new WordNetSynonyms(0.8, 2);
  private static final HanlpSynonyms HAN = new HanlpSynonyms();
  private final ProtectedSpans protect = new ProtectedSpans(List.of("router"));

  @Test
  void wordNetSynonymsKeepThePartOfSpeechAndPlural() {
    assertThat(WN.synonyms("automobile")).contains("car", "auto");
    assertThat(WN.synonyms("physicians")).contains("doctors");
    // inflected verb forms are left alone (no safe way to inflect the synonym)
    assertThat(WN.synonyms("bought")).isEmpty();
    // ambiguous between noun and verb without a dominant use: not swapped
    assertThat(WN.partOfSpeech("quickly")).isEqualTo(net.sf.extjwnl.data.POS.ADVERB);
    assertThat(WN.synonyms("quickly")).allSatisfy(s -> assertThat(WordNetSynonyms.lemmas(s, net.sf.extjwnl.data.POS.ADVERB)).isNotEmpty());
  }

  @Test
  void englishSwapChangesWordsButNeverProtectedOnes() {
    SynonymSwap swap = new SynonymSwap(protect, 0.5, WN, HAN);
    String text = "Maria restarted the router quickly and the automobile engine stopped at <PHONE_1> after 3 minutes.";
    for (int seed = 0; seed < 20; seed++) {
      Edit e = swap.apply(text, Lang.EN, new Random(seed));
      assertThat(e).isNotNull();
      assertThat(e.text()).isNotEqualTo(text).contains("Maria", "router", "<PHONE_1>", "3 minutes");
      assertThat(e.note()).startsWith("swaps=");
    }
  }

  @Test
  void chineseSwapUsesSameTagSynonymsAndKeepsNames() {
    SynonymSwap swap = new SynonymSwap(protect, 0.5, WN, HAN);
    String text = "张医生说患者每天需要服用两片药，请明天到北京医院复查。";
    Edit e = swap.apply(text, Lang.ZH, new Random(7));
    assertThat(e).isNotNull();
    assertThat(e.text()).isNotEqualTo(text).contains("张医生", "北京", "两片");
    assertThat(HAN.synonyms("患者", "n")).contains("病人");
    assertThat(HAN.synonyms("复查", "vn")).isEmpty(); // only related words (#), not synonyms
    // single-character words are never swapped (人 -> 食指 is what the dictionary would offer)
    for (int seed = 0; seed < 10; seed++) {
      Edit p = swap.apply("我们需要保护个人隐私。", Lang.ZH, new Random(seed));
      if (p != null) assertThat(p.text()).contains("个人");
    }
  }

  @Test
  void shuffleReordersSentencesButNeverSteps() {
    SentenceShuffle s = new SentenceShuffle();
    String text = "The shop opens at nine. Parking is free. Dogs are welcome.";
    Edit e = s.apply(text, Lang.EN, new Random(1));
    assertThat(e).isNotNull();
    assertThat(e.text()).isNotEqualTo(text);
    assertThat(SentenceSplitter.split(e.text()).stream().map(String::strip).toList()).containsExactlyInAnyOrder(
        "The shop opens at nine.", "Parking is free.", "Dogs are welcome.");
    assertThat(s.apply("1. Unplug it.\n2. Wait ten seconds.\n3. Plug it in.", Lang.EN, new Random(1))).isNull();
    assertThat(s.apply("第一步，关机。第二步，等十秒。", Lang.ZH, new Random(1))).isNull();
    assertThat(s.apply("Just one sentence here.", Lang.EN, new Random(1))).isNull();
    assertThat(s.apply("user: Where is my parcel? It is late.\nassistant: Let me check. One moment.", Lang.EN, new Random(1)))
        .isNull(); // a dialogue keeps its order
    Edit lines = s.apply("Opening hours\nWe open at nine. We close at five.\nParking is free.", Lang.EN, new Random(2));
    assertThat(lines.text()).isEqualTo("Opening hours\nWe close at five. We open at nine.\nParking is free.");
    Edit zh = s.apply("门店九点开门。停车免费", Lang.ZH, new Random(3));
    assertThat(zh.text()).isEqualTo("停车免费。门店九点开门。");
  }

  @Test
  void edaEditsKeepProtectedSpans() {
    EdaEdits eda = new EdaEdits(protect, 0.2, WN, HAN);
    String text = "First restart the router, then wait while the little green light blinks twice near <PHONE_1>.";
    assertThat(eda.apply(text, Lang.EN, new Random(1))).isNull(); // reads as ordered steps ("then")
    String free = "The quiet garden behind the old library offers shade, benches and a small fountain for <NAME_1>.";
    int changed = 0;
    for (int seed = 0; seed < 10; seed++) {
      Edit e = eda.apply(free, Lang.EN, new Random(seed));
      if (e == null) continue;
      changed++;
      assertThat(e.text()).isNotEqualTo(free).contains("<NAME_1>");
    }
    assertThat(changed).isGreaterThan(5);
  }
}
