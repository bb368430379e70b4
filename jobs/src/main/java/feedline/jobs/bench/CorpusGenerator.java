package feedline.jobs.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a synthetic corpus of a given size for the scale benchmark: jsonl files of support-style
 * documents in English and Chinese, with e-mail addresses and phone numbers in some of them and a
 * share of exact duplicates, so every stage has real work. Deterministic for a given seed.
 */
public final class CorpusGenerator {
  /** What was written. */
  public record Corpus(Path dir, int files, long documents, long bytes) {}

  private static final String[] EN = {"the", "order", "arrived", "late", "customer", "asked", "about", "refund", "policy", "shipping",
      "warehouse", "invoice", "account", "password", "reset", "delivery", "tracking", "number", "support", "agent", "replied",
      "within", "two", "days", "because", "package", "was", "damaged", "replacement", "sent", "today", "thank", "you", "please",
      "confirm", "address", "service", "quality", "improve", "feedback"};
  private static final String[] ZH = {"订单", "已经", "发货", "客户", "询问", "退款", "政策", "物流", "仓库", "发票", "账户", "密码", "重置",
      "配送", "查询", "单号", "客服", "回复", "两天", "因为", "包裹", "损坏", "更换", "今天", "谢谢", "确认", "地址", "服务", "质量", "反馈"};

  private CorpusGenerator() {}

  /** Writes about {@code targetBytes} into {@code dir} as files of about {@code fileBytes} each. */
  public static Corpus generate(Path dir, long targetBytes, long fileBytes, long seed, int threads) {
    try {
      Files.createDirectories(dir);
      int files = (int) Math.max(1, (targetBytes + fileBytes - 1) / fileBytes);
      ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
      try {
        List<Future<long[]>> parts = new ArrayList<>();
        for (int f = 0; f < files; f++) {
          final int file = f;
          long size = Math.min(fileBytes, targetBytes - (long) f * fileBytes);
          parts.add(pool.submit(() -> writeFile(dir.resolve(String.format("part-%05d.jsonl", file)), Math.max(size, 1024), seed + file)));
        }
        long docs = 0;
        long bytes = 0;
        for (Future<long[]> p : parts) {
          long[] r = p.get();
          docs += r[0];
          bytes += r[1];
        }
        return new Corpus(dir, files, docs, bytes);
      } finally {
        pool.shutdownNow();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("corpus generation failed: " + e.getMessage(), e);
    }
  }

  private static long[] writeFile(Path file, long size, long seed) throws IOException {
    Random rnd = new Random(seed);
    JsonFactory jf = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    long docs = 0;
    String previous = null;
    try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        CountingStream out = new CountingStream(raw)) {
      while (out.count < size) {
        String text = (previous != null && rnd.nextInt(100) < 5) ? previous : document(rnd);
        previous = text;
        try (JsonGenerator g = jf.createGenerator(out)) {
          g.writeStartObject();
          g.writeStringField("id", Long.toHexString(seed) + "-" + docs);
          g.writeStringField("text", text);
          g.writeEndObject();
        }
        out.write('\n');
        docs++;
      }
      out.flush();
      return new long[] {docs, out.count};
    }
  }

  /** One synthetic document drawn from {@code rnd}. */
  public static String document(Random rnd) {
    boolean zh = rnd.nextInt(4) == 0;
    int sentences = 3 + rnd.nextInt(10);
    StringBuilder sb = new StringBuilder();
    for (int s = 0; s < sentences; s++) {
      int words = 6 + rnd.nextInt(14);
      for (int w = 0; w < words; w++) {
        if (zh) {
          sb.append(ZH[rnd.nextInt(ZH.length)]);
        } else {
          if (w > 0) sb.append(' ');
          sb.append(EN[rnd.nextInt(EN.length)]);
        }
      }
      if (rnd.nextInt(12) == 0) sb.append(zh ? "，邮箱 " : ", mail ").append("user").append(rnd.nextInt(100000)).append("@example.com");
      if (rnd.nextInt(15) == 0) sb.append(zh ? "，电话 138" : ", call +1 415 555 ").append(String.format("%04d", rnd.nextInt(10000)));
      sb.append(zh ? "。" : ". ");
    }
    return sb.toString().strip();
  }

  private static final class CountingStream extends java.io.FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
