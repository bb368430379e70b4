package feedline.common.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MojibakeRepairTest {
  private final MojibakeRepair repair = new MojibakeRepair(50);

  /** The mojibake a real mis-decoding produces: encode with one charset, decode with another. */
  private static String misread(String s, Charset written, String readAs) {
    return new String(s.getBytes(written), Charset.forName(readAs));
  }

  @Test
  void utf8ReadAsWindows1252IsRepaired() {
    String original = "Café déjà vu — “quoted” naïve text";
    String broken = misread(original, StandardCharsets.UTF_8, "windows-1252");
    assertThat(broken).isNotEqualTo(original).contains("Ã©");
    MojibakeRepair.Result r = repair.repair(broken);
    assertThat(r.text()).isEqualTo(original);
    assertThat(r.repairs()).isPositive();
  }

  @Test
  void chineseUtf8ReadAsLatin1AndAsGbkIsRepaired() {
    String original = "数据清洗很重要，模型训练之前要做。";
    String asLatin1 = misread(original, StandardCharsets.UTF_8, "ISO-8859-1");
    assertThat(repair.repair(asLatin1).text()).isEqualTo(original);
    String asGbk = misread("中文文本清洗", StandardCharsets.UTF_8, "GBK");
    assertThat(asGbk).isNotEqualTo("中文文本清洗");
    assertThat(repair.repair(asGbk).text()).isEqualTo("中文文本清洗");
  }

  @Test
  void textMisdecodedTwiceIsRepaired() {
    String once = misread("déjà", StandardCharsets.UTF_8, "windows-1252");
    String twice = misread(once, StandardCharsets.UTF_8, "windows-1252");
    assertThat(repair.repair(twice).text()).isEqualTo("déjà");
  }

  @Test
  void gbkReadAsLatin1IsRepaired() {
    String broken = misread("中文数据", Charset.forName("GBK"), "ISO-8859-1");
    assertThat(repair.repair("text: " + broken).text()).isEqualTo("text: 中文数据");
  }

  @Test
  void legitimateTextIsLeftAlone() {
    for (String ok : new String[] {"Ärger über Öl, Straße", "Ça coûte 5 € — «très» cher", "naïve café résumé",
        "Hyvää päivää, tämä on äänestys", "中文文本，繁體中文，日本語のテキスト", "ÀÉÎÕÜ àéîõü", "£100 ¥200 ©2024 ®™"}) {
      MojibakeRepair.Result r = repair.repair(ok);
      assertThat(r.text()).as(ok).isEqualTo(ok);
      assertThat(r.repairs()).isZero();
    }
  }

  @Test
  void mixedLegitimateAndBrokenTextRepairsOnlyTheBrokenPart() {
    String broken = "Straße and " + misread("café", StandardCharsets.UTF_8, "windows-1252") + " and 中文";
    assertThat(repair.repair(broken).text()).isEqualTo("Straße and café and 中文");
  }
}
