package feedline.trainer.export;

import feedline.trainer.io.CheckpointException;
import feedline.trainer.io.DType;
import feedline.trainer.io.HfCheckpoint;
import feedline.trainer.io.Tensor;
import feedline.trainer.lora.LoraAdapter;
import feedline.trainer.model.LlamaModel;
import feedline.trainer.prefix.PrefixAdapter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes what a run produced in the form people serve: a PEFT adapter (LoRA, or PREFIX_TUNING for
 * prefix tuning) or a full Hugging Face checkpoint (full fine-tuning). Written to a
 * temporary sibling and moved into place, so a reader never sees half a directory.
 */
public final class RunExport {
  /** The older feedline prefix export, still read by {@link Adapters}. */
  public static final String PREFIX_CONFIG = "prefix_config.json";
  public static final String PREFIX_WEIGHTS = "prefix_model.safetensors";

  private RunExport() {}

  public static void write(Path dir, LlamaModel model, Path baseModelDir, DType dtype, long shardBytes) {
    Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
    try {
      deleteTree(tmp);
      if (model.adapter() instanceof LoraAdapter) {
        LoraAdapter lora = (LoraAdapter) model.adapter();
        PeftAdapterDir.write(tmp, lora.config(), lora.peftTensors(), baseModelDir.toAbsolutePath().toString());
      } else if (model.adapter() instanceof PrefixAdapter) {
        PrefixAdapter p = (PrefixAdapter) model.adapter();
        PeftPrefixDir.write(tmp, model.config(), p.tensors(), baseModelDir.toAbsolutePath().toString());
      } else {
        Map<String, Tensor> w = model.exportWeights();
        HfCheckpoint.save(tmp, HfCheckpoint.readConfigJson(baseModelDir), w, dtype, shardBytes, baseModelDir);
      }
      deleteTree(dir);
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CheckpointException(dir + ": cannot export: " + e.getMessage(), e);
    }
  }

  public static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.delete(q);
    }
  }
}
