package feedline.jobs.collect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Writes a small mixed corpus, one file per format and one per kind of bad input. */
final class CorpusFixtures {
  private CorpusFixtures() {}

  static final String GBK_QUESTION = "高血压患者应该注意什么？";

  static void writeGood(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("note.txt"), "机器学习是人工智能的一个分支。\r\nMachine learning is a branch of AI.\u0000\r\n");
    Files.writeString(dir.resolve("readme.md"), "# Title\n\nSome *markdown* text about data cleaning.\n");
    Files.write(dir.resolve("qa.csv"), ("question,answer\n" + GBK_QUESTION + ",应该低盐饮食，规律服药，定期测量血压。\n"
        + "感冒了怎么办？,多喝水，注意休息，必要时就医。\n").getBytes(Charset.forName("GBK")));
    Files.write(dir.resolve("big5.txt"), "資料清洗是訓練語言模型之前的重要步驟，我們需要去除重複的內容。".getBytes(Charset.forName("Big5")));
    ByteArrayOutputStream u16 = new ByteArrayOutputStream();
    u16.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
    u16.write("UTF-16 text with a byte order mark.".getBytes(StandardCharsets.UTF_16LE));
    Files.write(dir.resolve("utf16.txt"), u16.toByteArray());
    Files.writeString(dir.resolve("page.html"), "<html><head><title>Demo page</title><style>p{color:red}</style>"
        + "<script>var secret = 'do not keep';</script></head><body><p>Visible paragraph &amp; entity.</p></body></html>");
    Files.writeString(dir.resolve("rows.jsonl"), "{\"id\": 1, \"text\": \"first json line\", \"lang_hint\": \"en\"}\n"
        + "{\"id\": 2, \"content\": \"second line uses content\"}\n"
        + "{not json at all\n");
    Files.writeString(dir.resolve("support.chat.jsonl"),
        "{\"conversation_id\": \"c1\", \"role\": \"user\", \"content\": \"我的订单还没到。\"}\n"
            + "{\"conversation_id\": \"c2\", \"role\": \"user\", \"content\": \"How do I reset my password?\"}\n"
            + "{\"conversation_id\": \"c1\", \"role\": \"assistant\", \"content\": \"请提供订单号。\"}\n"
            + "{\"conversation_id\": \"c2\", \"role\": \"assistant\", \"content\": \"Use the reset link.\"}\n");
    try (PDDocument pdf = new PDDocument()) {
      PDPage page = new PDPage();
      pdf.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        cs.newLineAtOffset(72, 700);
        cs.showText("Portable document text for collect.");
        cs.endText();
      }
      pdf.save(dir.resolve("paper.pdf").toFile());
    }
    try (XWPFDocument doc = new XWPFDocument(); var out = Files.newOutputStream(dir.resolve("memo.docx"))) {
      doc.createParagraph().createRun().setText("Word document paragraph for collect.");
      doc.write(out);
    }
  }

  static void writeBad(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.write(dir.resolve("empty.txt"), new byte[0]);
    byte[] garbage = new byte[4096];
    new Random(7).nextBytes(garbage);
    garbage[10] = 0;
    Files.write(dir.resolve("binary.txt"), garbage);
    byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pa".getBytes(StandardCharsets.US_ASCII);
    Files.write(dir.resolve("broken.pdf"), pdf);
    Files.writeString(dir.resolve("huge.txt"), "x".repeat(5000));
    Files.writeString(dir.resolve("notes.xyz"), "unknown format");
  }
}
