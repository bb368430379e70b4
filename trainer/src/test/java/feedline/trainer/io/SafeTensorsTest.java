package feedline.trainer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
  @TempDir Path dir;

  @Test
  void float32RoundTripIsExactAndHeaderFollowsTheFormat() throws Exception {
    Map<String, Tensor> t = new LinkedHashMap<>();
    t.put("a.weight", new Tensor(new long[] {2, 3}, new float[] {1, -2, 3.5f, 1e-30f, Float.MAX_VALUE, -0f}));
    t.put("b", new Tensor(new long[] {1}, new float[] {7}));
    Path f = dir.resolve("x.safetensors");
    SafeTensors.write(f, t, DType.F32, Map.of("format", "pt"));

    byte[] bytes = Files.readAllBytes(f);
    long headerLen = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertThat(headerLen % 8).isZero();
    String header = new String(bytes, 8, (int) headerLen, StandardCharsets.UTF_8);
    assertThat(header).contains("\"a.weight\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]}")
        .contains("\"__metadata__\":{\"format\":\"pt\"}");
    assertThat(bytes.length).isEqualTo(8 + headerLen + 28);

    Map<String, Tensor> back = SafeTensors.read(f);
    assertThat(back.keySet()).containsExactly("a.weight", "b");
    assertThat(back.get("a.weight").data()).containsExactly(t.get("a.weight").data());
    assertThat(back.get("a.weight").shape()).containsExactly(2, 3);
  }

  @Test
  void halfPrecisionFilesConvertBitExactly() {
    assertThat(HalfFloats.f16ToFloat((short) 0x3C00)).isEqualTo(1f);
    assertThat(HalfFloats.f16ToFloat((short) 0xC000)).isEqualTo(-2f);
    assertThat(HalfFloats.f16ToFloat((short) 0x7BFF)).isEqualTo(65504f);
    assertThat(HalfFloats.f16ToFloat((short) 0x0001)).isEqualTo((float) Math.pow(2, -24));
    assertThat(HalfFloats.f16ToFloat((short) 0x7C00)).isEqualTo(Float.POSITIVE_INFINITY);
    for (int h = 0; h < 65536; h++) {
      float f = HalfFloats.f16ToFloat((short) h);
      if (!Float.isNaN(f)) assertThat(HalfFloats.floatToF16(f) & 0xffff).as("half 0x%04x", h).isEqualTo(h);
      float b = HalfFloats.bf16ToFloat((short) h);
      if (!Float.isNaN(b)) assertThat(HalfFloats.floatToBf16(b) & 0xffff).as("bf16 0x%04x", h).isEqualTo(h);
    }
    // round to nearest even
    assertThat(HalfFloats.floatToBf16(Float.intBitsToFloat(0x3f808000)) & 0xffff).isEqualTo(0x3f80);
    assertThat(HalfFloats.floatToBf16(Float.intBitsToFloat(0x3f818000)) & 0xffff).isEqualTo(0x3f82);
    assertThat(HalfFloats.floatToF16(1e6f) & 0xffff).isEqualTo(0x7C00);

    Map<String, Tensor> t = Map.of("w", new Tensor(new long[] {3}, new float[] {1.5f, -0.333f, 1000.1f}));
    SafeTensors.write(dir.resolve("h.safetensors"), t, DType.F16, null);
    SafeTensors.write(dir.resolve("b.safetensors"), t, DType.BF16, null);
    assertThat(SafeTensors.header(dir.resolve("h.safetensors")).entries().get("w").dtype()).isEqualTo(DType.F16);
    assertThat(SafeTensors.read(dir.resolve("h.safetensors")).get("w").data()).containsExactly(1.5f, -0.33300781f, 1000f);
    assertThat(SafeTensors.read(dir.resolve("b.safetensors")).get("w").data()).containsExactly(1.5f, -0.33203125f, 1000f);
  }

  @Test
  void corruptFilesAreRejectedWithTheFileName() throws Exception {
    Path f = dir.resolve("bad.safetensors");
    Files.write(f, new byte[] {1, 2, 3});
    assertThatThrownBy(() -> SafeTensors.read(f)).isInstanceOf(CheckpointException.class).hasMessageContaining("bad.safetensors");
    Path g = dir.resolve("int.safetensors");
    String h = "{\"x\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}";
    ByteBuffer b = ByteBuffer.allocate(8 + h.length() + 8).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(h.length()).put(h.getBytes(StandardCharsets.UTF_8)).putLong(5);
    Files.write(g, b.array());
    assertThatThrownBy(() -> SafeTensors.read(g)).hasMessageContaining("unsupported tensor dtype I64");
  }
}
