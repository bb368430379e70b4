package feedline.jobs.stage;

import feedline.jobs.build.BuildStage;
import feedline.jobs.clean.CleanStage;
import feedline.jobs.collect.CollectStage;
import feedline.jobs.dedup.DedupStage;
import feedline.jobs.redact.RedactStage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Every stage by name, in pipeline order. */
public final class StageRegistry {
  private static final Map<String, Supplier<Stage>> STAGES = new LinkedHashMap<>();

  static {
    STAGES.put("collect", CollectStage::new);
    STAGES.put("clean", CleanStage::new);
    STAGES.put("dedup", DedupStage::new);
    STAGES.put("redact", RedactStage::new);
    STAGES.put("augment", feedline.jobs.augment.AugmentStage::new);
    STAGES.put("build", BuildStage::new);
    STAGES.put("select", feedline.jobs.select.SelectStage::new);
  }

  private StageRegistry() {}

  public static Map<String, Supplier<Stage>> all() {
    return STAGES;
  }

  public static boolean has(String name) {
    return STAGES.containsKey(name);
  }

  public static Stage create(String name) {
    Supplier<Stage> s = STAGES.get(name);
    if (s == null) throw new IllegalArgumentException("unknown stage '" + name + "'; stages: " + STAGES.keySet());
    return s.get();
  }
}
