package feedline.trainer.export;

import feedline.trainer.io.Tensor;
import feedline.trainer.lora.LoraAdapter;
import feedline.trainer.lora.LoraConfig;
import feedline.trainer.model.ModelConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** Folds LoRA into base weights: {@code W' = W + (alpha / r) B A}, computed in float64 per element. */
public final class LoraMerge {
  private LoraMerge() {}

  public static Map<String, Tensor> merge(ModelConfig model, Map<String, Tensor> base, LoraConfig lora, Map<String, Tensor> adapter) {
    Map<String, Tensor> out = new LinkedHashMap<>(base);
    for (int i = 0; i < model.numLayers(); i++) {
      for (String mod : lora.targetModules()) {
        String an = LoraAdapter.name(i, mod, "A");
        String bn = LoraAdapter.name(i, mod, "B");
        Tensor a = adapter.containsKey(an) ? adapter.get(an) : adapter.get(LoraAdapter.PEFT_PREFIX + an);
        Tensor b = adapter.containsKey(bn) ? adapter.get(bn) : adapter.get(LoraAdapter.PEFT_PREFIX + bn);
        if (a == null || b == null) throw new IllegalArgumentException("adapter lacks " + LoraAdapter.PEFT_PREFIX + (a == null ? an : bn));
        String wn = "model.layers." + i + "." + LoraConfig.path(mod) + ".weight";
        Tensor w = base.get(wn);
        int outF = w.dim(0);
        int inF = w.dim(1);
        int r = a.dim(0);
        if (a.dim(1) != inF || b.dim(0) != outF || b.dim(1) != r) {
          throw new IllegalArgumentException("adapter shapes " + a.shapeString() + " / " + b.shapeString() + " do not fit " + wn + " " + w.shapeString());
        }
        float[] merged = w.data().clone();
        double s = lora.scale();
        for (int o = 0; o < outF; o++) {
          for (int k = 0; k < inF; k++) {
            double acc = 0;
            for (int j = 0; j < r; j++) acc += (double) b.data()[o * r + j] * a.data()[j * inF + k];
            merged[o * inF + k] = (float) (merged[o * inF + k] + s * acc);
          }
        }
        out.put(wn, new Tensor(w.shape(), merged));
      }
    }
    return out;
  }
}
