package feedline.trainer.lm;

import ai.djl.Device;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDManager;
import feedline.trainer.export.Adapters;
import feedline.trainer.generate.ChatTemplate;
import feedline.trainer.io.HfCheckpoint;
import feedline.trainer.model.LlamaModel;
import feedline.trainer.model.ModelConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A causal language model ready for inference: a Hugging Face Llama/Qwen2 checkpoint directory
 * loaded into {@link LlamaModel} (with an optional LoRA/PEFT or prefix adapter), its tokenizer and
 * its chat template. Forward passes go through {@link #run}, which lets one thread at a time use
 * the model, so one runtime serves every task of an executor JVM (see {@link LmRuntimes}).
 */
public final class LmRuntime implements AutoCloseable {
  private final Path modelDir;
  private final Path adapterDir;
  private final ModelConfig config;
  private final NDManager root;
  private final LlamaModel model;
  private final HuggingFaceTokenizer tokenizer;
  private final ChatTemplate chatTemplate;

  private LmRuntime(Path modelDir, Path adapterDir, ModelConfig config, NDManager root, LlamaModel model,
      HuggingFaceTokenizer tokenizer, ChatTemplate chatTemplate) {
    this.modelDir = modelDir;
    this.adapterDir = adapterDir;
    this.config = config;
    this.root = root;
    this.model = model;
    this.tokenizer = tokenizer;
    this.chatTemplate = chatTemplate;
  }

  /**
   * Loads {@code modelDir} (config.json, safetensors weights, tokenizer.json) and {@code adapterDir}
   * when not null. {@code what} names the setting in error messages (e.g. {@code lm scorer option model-dir}).
   */
  public static LmRuntime load(Path modelDir, Path adapterDir, Device device, String what) {
    if (!Files.isDirectory(modelDir)) {
      throw new IllegalArgumentException(what + " = " + modelDir + ": no such directory (a Hugging Face Llama/Qwen2 checkpoint"
          + " directory with config.json, model.safetensors and tokenizer.json)");
    }
    Path tokFile = modelDir.resolve("tokenizer.json");
    if (!Files.isRegularFile(tokFile)) throw new IllegalArgumentException(what + " = " + modelDir + ": no tokenizer.json");
    if (adapterDir != null && !Files.isDirectory(adapterDir)) {
      throw new IllegalArgumentException(what + ": adapter directory " + adapterDir + " does not exist");
    }
    HfCheckpoint.Loaded base = HfCheckpoint.load(modelDir);
    HuggingFaceTokenizer tok;
    try {
      tok = HuggingFaceTokenizer.newInstance(tokFile);
    } catch (IOException e) {
      throw new IllegalArgumentException(what + " = " + modelDir + ": cannot read tokenizer.json: " + e.getMessage(), e);
    }
    NDManager root = NDManager.newBaseManager(device);
    try {
      LlamaModel model = LlamaModel.create(root, base.config(), base.weights());
      if (adapterDir != null) model.setAdapter(Adapters.load(root, base.config(), adapterDir));
      return new LmRuntime(modelDir, adapterDir, base.config(), root, model, tok, ChatTemplate.of(modelDir));
    } catch (RuntimeException e) {
      root.close();
      tok.close();
      throw e;
    }
  }

  public Path modelDir() {
    return modelDir;
  }

  public Path adapterDir() {
    return adapterDir;
  }

  public ModelConfig config() {
    return config;
  }

  /** The model's chat template, or null when its tokenizer_config.json has none. */
  public ChatTemplate chatTemplate() {
    return chatTemplate;
  }

  /** Token ids of {@code text}, special-token markup in the text recognised, none added. */
  public int[] encode(String text) {
    long[] e = tokenizer.encode(text, false, false).getIds();
    int[] ids = new int[e.length];
    for (int i = 0; i < ids.length; i++) ids[i] = (int) e[i];
    return ids;
  }

  /** Text of {@code ids}, special tokens left out. */
  public String decode(int[] ids) {
    long[] l = new long[ids.length];
    for (int i = 0; i < ids.length; i++) l[i] = ids[i];
    return tokenizer.decode(l, true);
  }

  /**
   * Runs {@code work} on the model, one caller at a time, with autograd off in the calling thread
   * (PyTorch's grad mode is per thread and on by default in threads the engine did not start in,
   * such as Spark's task threads).
   */
  public <T> T run(Function<LlamaModel, T> work) {
    synchronized (model) {
      ai.djl.pytorch.jni.JniUtils.setGradMode(false);
      return work.apply(model);
    }
  }

  @Override
  public void close() {
    model.close();
    root.close();
    tokenizer.close();
  }
}
