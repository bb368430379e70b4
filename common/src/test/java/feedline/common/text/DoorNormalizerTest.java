package feedline.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DoorNormalizerTest {
  @Test
  void lineEndingsAndControlCharactersAreNormalized() {
    DoorNormalizer.Result r = new DoorNormalizer(DoorNormalizer.Form.NFC).normalize("a\r\nb\rc\u0000d\u0007e\tf\u2028g");
    assertThat(r.text()).isEqualTo("a\nb\ncde\tf\ng");
    assertThat(r.controlCharsRemoved()).isEqualTo(2);
  }

  @Test
  void nfkcFoldsFullWidthAndCompatibilityForms() {
    assertThat(new DoorNormalizer(DoorNormalizer.Form.NFKC).normalize("ＡＢＣ１２３ ﬁ").text()).isEqualTo("ABC123 fi");
    assertThat(new DoorNormalizer(DoorNormalizer.Form.NONE).normalize("ＡＢＣ").text()).isEqualTo("ＡＢＣ");
  }

  @Test
  void docIdIsStableAndDependsOnEveryPart() {
    String id = Hashing.docId("web", "file:/a.txt", "0", Hashing.sha256("x"));
    assertThat(id).hasSize(32).isEqualTo(Hashing.docId("web", "file:/a.txt", "0", Hashing.sha256("x")));
    assertThat(id).isNotEqualTo(Hashing.docId("forum", "file:/a.txt", "0", Hashing.sha256("x")))
        .isNotEqualTo(Hashing.docId("web", "file:/a.txt", "1", Hashing.sha256("x")))
        .isNotEqualTo(Hashing.docId("web", "file:/a.txt", "0", Hashing.sha256("y")));
  }
}
