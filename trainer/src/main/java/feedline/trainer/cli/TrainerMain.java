package feedline.trainer.cli;

import com.typesafe.config.Config;
import feedline.common.config.ConfigError;
import feedline.common.config.Settings;
import feedline.common.config.UsageError;
import feedline.trainer.io.CheckpointException;
import java.util.Map;

/**
 * The trainer command line: {@code train | generate | init-model | merge}, each with
 * {@code [--conf FILE] [--flag value ...] [key=value ...]}. Exit code 0 on success, 1 when the work
 * failed, 2 for a usage, configuration or checkpoint error; the reason is one line on standard error.
 */
public final class TrainerMain {
  private TrainerMain() {}

  static String usage() {
    return "usage: feedline train [--conf FILE] [--model DIR] [--data DIR] [--output DIR] [key=value ...]\n"
        + "       feedline generate --model DIR [--adapter DIR] --prompt TEXT [key=value ...]\n"
        + "       feedline init-model --output DIR [init.hidden-size=64 ...]\n"
        + "       feedline merge --model DIR --adapter DIR --output DIR [merge.dtype=bf16]";
  }

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    int code;
    try {
      code = run(args);
    } catch (UsageError | ConfigError | CheckpointException | com.typesafe.config.ConfigException e) {
      System.err.println("feedline: " + oneLine(e.getMessage()));
      code = 2;
    } catch (Throwable e) {
      Throwable root = e;
      while (root.getCause() != null) root = root.getCause();
      System.err.println("feedline: failed: " + oneLine(root.getClass().getSimpleName() + ": " + root.getMessage()));
      if (System.getenv("FEEDLINE_DEBUG") != null) e.printStackTrace();
      code = 1;
    }
    System.exit(code);
  }

  /** Runs one verb; returns the exit code. */
  public static int run(String[] args) throws Exception {
    String verb = args.length == 0 ? "help" : args[0];
    switch (verb) {
      case "init-model": {
        TrainerArgs a = TrainerArgs.parse(args, Map.of("output", "feedline.trainer.init.output"));
        return Commands.initModel(settings(a.config()));
      }
      case "train": {
        TrainerArgs a = TrainerArgs.parse(args, Map.of("model", "feedline.trainer.model-dir",
            "data", "feedline.trainer.data-dir", "output", "feedline.trainer.output-dir"));
        return Commands.train(settings(a.config()));
      }
      case "generate": {
        TrainerArgs a = TrainerArgs.parse(args, Map.of("model", "feedline.trainer.generate.model-dir",
            "adapter", "feedline.trainer.generate.adapter-dir", "prompt", "feedline.trainer.generate.prompt"));
        return Commands.generate(settings(a.config()));
      }
      case "merge": {
        TrainerArgs a = TrainerArgs.parse(args, Map.of("model", "feedline.trainer.merge.model-dir",
            "adapter", "feedline.trainer.merge.adapter-dir", "output", "feedline.trainer.merge.output"));
        return Commands.merge(settings(a.config()));
      }
      case "help": case "--help": case "-h":
        System.out.println(usage());
        return 0;
      default:
        throw new UsageError("unknown command '" + verb + "'\n" + usage());
    }
  }

  private static Settings settings(Config c) {
    return new Settings(c, "feedline.trainer");
  }

  static String oneLine(String s) {
    return s == null ? "(no message)" : s.replaceAll("\\s*\\R\\s*", " | ");
  }
}
