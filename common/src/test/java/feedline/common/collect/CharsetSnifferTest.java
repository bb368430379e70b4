package feedline.common.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetSnifferTest {
  private static final String ZH_SIMPLIFIED = "数据清洗是训练大模型之前最重要的步骤之一，它决定了模型最终的效果。";
  private static final String ZH_TRADITIONAL = "資料清洗是訓練語言模型之前的重要步驟，我們需要去除重複的內容。";

  @Test
  void utf8IsKeptAsIs() {
    DecodedText d = CharsetSniffer.decode(ZH_SIMPLIFIED.getBytes(StandardCharsets.UTF_8));
    assertThat(d.charset()).isEqualTo("UTF-8");
    assertThat(d.text()).isEqualTo(ZH_SIMPLIFIED);
    assertThat(d.undecodableBytes()).isZero();
  }

  @Test
  void gbkTextIsDetectedAsGb18030() {
    DecodedText d = CharsetSniffer.decode(ZH_SIMPLIFIED.getBytes(Charset.forName("GBK")));
    assertThat(d.charset()).isEqualTo("GB18030");
    assertThat(d.text()).isEqualTo(ZH_SIMPLIFIED);
  }

  @Test
  void shortGbkQuestionIsDetected() {
    String q = "感冒了怎么办？";
    assertThat(CharsetSniffer.decode(q.getBytes(Charset.forName("GBK"))).text()).isEqualTo(q);
  }

  @Test
  void big5TextIsNotMistakenForGb() {
    DecodedText d = CharsetSniffer.decode(ZH_TRADITIONAL.getBytes(Charset.forName("Big5")));
    assertThat(d.charset()).isEqualTo("Big5");
    assertThat(d.text()).isEqualTo(ZH_TRADITIONAL);
  }

  @Test
  void shiftJisJapaneseIsDecoded() {
    String ja = "これは日本語のテキストです。データの前処理はとても大切です。";
    DecodedText d = CharsetSniffer.decode(ja.getBytes(Charset.forName("Shift_JIS")));
    assertThat(d.text()).isEqualTo(ja);
  }

  @Test
  void utf16WithAndWithoutBom() {
    String s = "UTF-16 text, 中文 too";
    byte[] le = s.getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[le.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(le, 0, withBom, 2, le.length);
    assertThat(CharsetSniffer.decode(withBom).text()).isEqualTo(s);
    assertThat(CharsetSniffer.decode("plain ascii words here".getBytes(StandardCharsets.UTF_16BE)).text())
        .isEqualTo("plain ascii words here");
  }

  @Test
  void latin1AccentsAreDecoded() {
    String s = "Café crème brûlée à la française, naïve façade.";
    DecodedText d = CharsetSniffer.decode(s.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(d.text()).isEqualTo(s);
  }

  @Test
  void undecodableBytesAreCountedNotDropped() {
    byte[] bytes = "abc".getBytes(StandardCharsets.UTF_8);
    byte[] bad = {bytes[0], bytes[1], (byte) 0xC3, bytes[2]};
    DecodedText d = CharsetSniffer.decode(bad, "UTF-8");
    assertThat(d.undecodableBytes()).isEqualTo(1);
    assertThat(d.text()).isEqualTo("ab\uFFFDc");
  }
}
