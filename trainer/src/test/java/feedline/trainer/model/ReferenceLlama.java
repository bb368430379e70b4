package feedline.trainer.model;

import feedline.trainer.io.Tensor;
import java.util.Map;

/**
 * Plain-Java float64 forward pass of the same decoder, written from the Hugging Face modelling code
 * without DJL, for checking the engine implementation.
 */
final class ReferenceLlama {
  private final ModelConfig c;
  private final Map<String, Tensor> w;
  private final Map<String, Tensor> prefix;
  private final int offset;

  ReferenceLlama(ModelConfig c, Map<String, Tensor> w) {
    this(c, w, null);
  }

  /**
   * With PEFT prefix-tuning semantics: {@code prefix.layers.I.key|value} ({@code [P, kv, d]}) are
   * cache entries used as they are (no rotary embedding), and the real tokens continue after the
   * cache at positions P..P+n-1, as Hugging Face models number positions behind past_key_values.
   */
  ReferenceLlama(ModelConfig c, Map<String, Tensor> w, Map<String, Tensor> prefix) {
    this.c = c;
    this.w = w;
    this.prefix = prefix;
    this.offset = prefix == null ? 0 : prefix.get("prefix.layers.0.key").dim(0);
  }

  /** Logits [n][vocab] for one sequence at positions 0..n-1 (P..P+n-1 behind a prefix). */
  double[][] logits(int[] ids) {
    int n = ids.length;
    int hs = c.hiddenSize();
    double[][] h = new double[n][hs];
    Tensor emb = w.get("model.embed_tokens.weight");
    for (int t = 0; t < n; t++) for (int j = 0; j < hs; j++) h[t][j] = emb.data()[ids[t] * hs + j];
    for (int l = 0; l < c.numLayers(); l++) {
      String p = "model.layers." + l + ".";
      double[][] x = norm(h, w.get(p + "input_layernorm.weight"));
      double[][] a = attention(l, p, x);
      for (int t = 0; t < n; t++) for (int j = 0; j < hs; j++) h[t][j] += a[t][j];
      x = norm(h, w.get(p + "post_attention_layernorm.weight"));
      double[][] g = linear(x, w.get(p + "mlp.gate_proj.weight"), null);
      double[][] u = linear(x, w.get(p + "mlp.up_proj.weight"), null);
      for (int t = 0; t < n; t++) {
        for (int j = 0; j < g[t].length; j++) g[t][j] = g[t][j] / (1 + Math.exp(-g[t][j])) * u[t][j];
      }
      double[][] dn = linear(g, w.get(p + "mlp.down_proj.weight"), null);
      for (int t = 0; t < n; t++) for (int j = 0; j < hs; j++) h[t][j] += dn[t][j];
    }
    h = norm(h, w.get("model.norm.weight"));
    Tensor head = c.tieWordEmbeddings() ? emb : w.get("lm_head.weight");
    return linear(h, head, null);
  }

  private double[][] attention(int layer, String p, double[][] x) {
    int n = x.length;
    int d = c.headDim();
    int heads = c.numHeads();
    int group = heads / c.numKvHeads();
    double[][] q = linear(x, w.get(p + "self_attn.q_proj.weight"), w.get(p + "self_attn.q_proj.bias"));
    double[][] k = linear(x, w.get(p + "self_attn.k_proj.weight"), w.get(p + "self_attn.k_proj.bias"));
    double[][] v = linear(x, w.get(p + "self_attn.v_proj.weight"), w.get(p + "self_attn.v_proj.bias"));
    double[] inv = invFreq(n + offset);
    rope(q, heads, d, inv, offset);
    rope(k, c.numKvHeads(), d, inv, offset);
    int kvDim = c.numKvHeads() * d;
    if (prefix != null) {
      // cache rows first: [prefix keys/values as stored, then the real tokens' rotated keys/values]
      float[] pk = prefix.get("prefix.layers." + layer + ".key").data();
      float[] pv = prefix.get("prefix.layers." + layer + ".value").data();
      double[][] k2 = new double[offset + n][];
      double[][] v2 = new double[offset + n][];
      for (int t = 0; t < offset; t++) {
        k2[t] = new double[kvDim];
        v2[t] = new double[kvDim];
        for (int e = 0; e < kvDim; e++) {
          k2[t][e] = pk[t * kvDim + e];
          v2[t][e] = pv[t * kvDim + e];
        }
      }
      for (int t = 0; t < n; t++) {
        k2[offset + t] = k[t];
        v2[offset + t] = v[t];
      }
      k = k2;
      v = v2;
    }
    double[][] out = new double[n][heads * d];
    for (int hh = 0; hh < heads; hh++) {
      int kvh = hh / group;
      for (int i = 0; i < n; i++) {
        int last = offset + i;
        double[] s = new double[last + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j <= last; j++) {
          double dot = 0;
          for (int e = 0; e < d; e++) dot += q[i][hh * d + e] * k[j][kvh * d + e];
          s[j] = dot / Math.sqrt(d);
          max = Math.max(max, s[j]);
        }
        double z = 0;
        for (int j = 0; j <= last; j++) {
          s[j] = Math.exp(s[j] - max);
          z += s[j];
        }
        for (int j = 0; j <= last; j++) {
          for (int e = 0; e < d; e++) out[i][hh * d + e] += s[j] / z * v[j][kvh * d + e];
        }
      }
    }
    return linear(out, w.get(p + "self_attn.o_proj.weight"), w.get(p + "self_attn.o_proj.bias"));
  }

  private double[] invFreq(int seqLen) {
    int d = c.headDim();
    double base = c.ropeTheta();
    RopeScaling s = c.ropeScaling();
    if (s.kind() == RopeScaling.Kind.DYNAMIC && seqLen > c.maxPositions()) {
      base *= Math.pow(s.factor() * seqLen / c.maxPositions() - (s.factor() - 1), d / (d - 2.0));
    }
    double[] inv = new double[d / 2];
    for (int j = 0; j < d / 2; j++) {
      inv[j] = 1.0 / Math.pow(base, 2.0 * j / d);
      if (s.kind() == RopeScaling.Kind.LINEAR) inv[j] /= s.factor();
    }
    return inv;
  }

  private static void rope(double[][] x, int heads, int d, double[] inv, int offset) {
    for (int t = 0; t < x.length; t++) {
      for (int h = 0; h < heads; h++) {
        for (int j = 0; j < d / 2; j++) {
          double a = x[t][h * d + j];
          double b = x[t][h * d + j + d / 2];
          double ang = (t + offset) * inv[j];
          x[t][h * d + j] = a * Math.cos(ang) - b * Math.sin(ang);
          x[t][h * d + j + d / 2] = b * Math.cos(ang) + a * Math.sin(ang);
        }
      }
    }
  }

  private double[][] norm(double[][] h, Tensor weight) {
    double[][] out = new double[h.length][h[0].length];
    for (int t = 0; t < h.length; t++) {
      double ss = 0;
      for (double v : h[t]) ss += v * v;
      double r = 1.0 / Math.sqrt(ss / h[t].length + c.rmsNormEps());
      for (int j = 0; j < h[t].length; j++) out[t][j] = h[t][j] * r * weight.data()[j];
    }
    return out;
  }

  static double[][] linear(double[][] x, Tensor weight, Tensor bias) {
    int out = weight.dim(0);
    int in = weight.dim(1);
    double[][] y = new double[x.length][out];
    for (int t = 0; t < x.length; t++) {
      for (int o = 0; o < out; o++) {
        double s = bias == null ? 0 : bias.data()[o];
        for (int i = 0; i < in; i++) s += x[t][i] * weight.data()[o * in + i];
        y[t][o] = s;
      }
    }
    return y;
  }
}
