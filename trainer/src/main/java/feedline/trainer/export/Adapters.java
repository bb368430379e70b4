package feedline.trainer.export;

import ai.djl.ndarray.NDManager;
import feedline.trainer.io.CheckpointException;
import feedline.trainer.io.SafeTensors;
import feedline.trainer.lora.LoraAdapter;
import feedline.trainer.model.Adapter;
import feedline.trainer.model.ModelConfig;
import feedline.trainer.prefix.PrefixAdapter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads an exported adapter directory: a PEFT LoRA or PREFIX_TUNING adapter, or the older feedline
 * prefix export ({@code prefix_config.json}).
 */
public final class Adapters {
  private Adapters() {}

  public static Adapter load(NDManager root, ModelConfig model, Path dir) {
    try {
      if (PeftAdapterDir.isAdapter(dir) && PeftPrefixDir.PEFT_TYPE.equals(PeftAdapterDir.peftType(dir))) {
        return PrefixAdapter.fromTensors(root, model, PeftPrefixDir.read(dir, model));
      }
      if (PeftAdapterDir.isAdapter(dir)) {
        PeftAdapterDir.Read r = PeftAdapterDir.read(dir);
        return LoraAdapter.fromTensors(root, model, r.config(), r.tensors());
      }
      if (Files.isRegularFile(dir.resolve(RunExport.PREFIX_CONFIG))) {
        return PrefixAdapter.fromTensors(root, model, SafeTensors.read(dir.resolve(RunExport.PREFIX_WEIGHTS)));
      }
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(dir + ": " + e.getMessage(), e);
    }
    throw new CheckpointException(dir + ": neither a PEFT adapter (" + PeftAdapterDir.CONFIG + ") nor a prefix export ("
        + RunExport.PREFIX_CONFIG + ")");
  }
}
