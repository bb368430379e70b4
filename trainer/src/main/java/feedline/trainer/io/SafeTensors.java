package feedline.trainer.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format: an 8-byte little-endian header length, a JSON header
 * naming each tensor's dtype, shape and byte range, then the raw little-endian data. F16 and BF16
 * are converted to and from float32 bit by bit in Java.
 */
public final class SafeTensors {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_HEADER = 100L << 20;

  private SafeTensors() {}

  /** One entry of a file's header. */
  public record Entry(String name, DType dtype, long[] shape, long begin, long end) {}

  /** The header of a safetensors file: tensor entries in file order and the free-form metadata. */
  public record Header(Map<String, Entry> entries, Map<String, String> metadata, long dataStart) {}

  public static Header header(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return header(file, ch);
    } catch (IOException e) {
      throw new CheckpointException(file + ": cannot read safetensors header: " + e.getMessage(), e);
    }
  }

  private static Header header(Path file, FileChannel ch) throws IOException {
    ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    readFully(ch, len, 0);
    long n = len.flip().getLong();
    if (n <= 1 || n > MAX_HEADER || 8 + n > ch.size()) {
      throw new CheckpointException(file + ": not a safetensors file (header length " + n + ", file size " + ch.size() + ")");
    }
    ByteBuffer hb = ByteBuffer.allocate((int) n);
    readFully(ch, hb, 8);
    JsonNode root = JSON.readTree(new String(hb.array(), StandardCharsets.UTF_8));
    Map<String, Entry> entries = new LinkedHashMap<>();
    Map<String, String> metadata = new LinkedHashMap<>();
    long dataLen = ch.size() - 8 - n;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (f.getKey().equals("__metadata__")) {
        f.getValue().fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
        continue;
      }
      JsonNode t = f.getValue();
      String ctx = file + " tensor " + f.getKey();
      DType dtype = DType.parse(t.path("dtype").asText(), ctx);
      JsonNode shapeNode = t.path("shape");
      long[] shape = new long[shapeNode.size()];
      long count = 1;
      for (int i = 0; i < shape.length; i++) {
        shape[i] = shapeNode.get(i).asLong();
        count *= shape[i];
      }
      long begin = t.path("data_offsets").path(0).asLong(-1);
      long end = t.path("data_offsets").path(1).asLong(-1);
      if (begin < 0 || end < begin || end > dataLen || end - begin != count * dtype.bytes()) {
        throw new CheckpointException(ctx + ": data_offsets [" + begin + ", " + end + "] do not fit shape and file");
      }
      entries.put(f.getKey(), new Entry(f.getKey(), dtype, shape, begin, end));
    }
    return new Header(entries, metadata, 8 + n);
  }

  /** Reads every tensor of a file as float32. */
  public static Map<String, Tensor> read(Path file) {
    return read(file, null);
  }

  /** Reads the named tensors (all when {@code names} is null) as float32. */
  public static Map<String, Tensor> read(Path file, java.util.Set<String> names) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      Header h = header(file, ch);
      for (Entry e : h.entries().values()) {
        if (names != null && !names.contains(e.name())) continue;
        long bytes = e.end() - e.begin();
        if (bytes > Integer.MAX_VALUE) throw new CheckpointException(file + " tensor " + e.name() + ": larger than 2 GiB");
        MappedByteBuffer mb = ch.map(FileChannel.MapMode.READ_ONLY, h.dataStart() + e.begin(), bytes);
        mb.order(ByteOrder.LITTLE_ENDIAN);
        out.put(e.name(), new Tensor(e.shape(), decode(mb, e.dtype(), (int) (bytes / e.dtype().bytes()))));
      }
    } catch (IOException ex) {
      throw new CheckpointException(file + ": cannot read: " + ex.getMessage(), ex);
    }
    return out;
  }

  private static float[] decode(ByteBuffer b, DType dtype, int n) {
    float[] out = new float[n];
    switch (dtype) {
      case F32:
        b.asFloatBuffer().get(out);
        break;
      case F16:
        for (int i = 0; i < n; i++) out[i] = HalfFloats.f16ToFloat(b.getShort(i * 2));
        break;
      case BF16:
        for (int i = 0; i < n; i++) out[i] = HalfFloats.bf16ToFloat(b.getShort(i * 2));
        break;
      default:
        throw new IllegalStateException(dtype.name());
    }
    return out;
  }

  /** Writes tensors (in map order) converted to {@code dtype}, with optional metadata. */
  public static void write(Path file, Map<String, Tensor> tensors, DType dtype, Map<String, String> metadata) {
    ObjectNode header = JSON.createObjectNode();
    if (metadata != null && !metadata.isEmpty()) {
      ObjectNode m = header.putObject("__metadata__");
      metadata.forEach(m::put);
    }
    long offset = 0;
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      ObjectNode t = header.putObject(e.getKey());
      t.put("dtype", dtype.safetensorsName());
      var shape = t.putArray("shape");
      for (long d : e.getValue().shape()) shape.add(d);
      long bytes = e.getValue().size() * dtype.bytes();
      var offs = t.putArray("data_offsets");
      offs.add(offset);
      offs.add(offset + bytes);
      offset += bytes;
    }
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(header);
    } catch (IOException e) {
      throw new CheckpointException(file + ": cannot encode header", e);
    }
    int pad = (8 - json.length % 8) % 8;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length + pad);
        out.write(len.array());
        out.write(json);
        for (int i = 0; i < pad; i++) out.write(' ');
        for (Tensor t : tensors.values()) out.write(encode(t.data(), dtype));
      }
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CheckpointException(file + ": cannot write: " + e.getMessage(), e);
    }
  }

  private static byte[] encode(float[] data, DType dtype) {
    ByteBuffer b = ByteBuffer.allocate(data.length * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
    switch (dtype) {
      case F32:
        b.asFloatBuffer().put(data);
        break;
      case F16:
        for (float f : data) b.putShort(HalfFloats.floatToF16(f));
        break;
      case BF16:
        for (float f : data) b.putShort(HalfFloats.floatToBf16(f));
        break;
      default:
        throw new IllegalStateException(dtype.name());
    }
    return b.array();
  }

  private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
    while (b.hasRemaining()) {
      int r = ch.read(b, pos + b.position());
      if (r < 0) throw new IOException("unexpected end of file");
    }
  }

  /** Names of all tensors in a file, in file order. */
  public static List<String> names(Path file) {
    return new ArrayList<>(header(file).entries().keySet());
  }
}
