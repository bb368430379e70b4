package feedline.common.clean;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import feedline.common.config.Settings;
import java.nio.file.Path;

/** The shipped clean defaults (jobs' feedline/clean.conf) with overrides, bound to options. */
final class CleanFixtures {
  private static final Path CONF = Path.of("../jobs/src/main/resources/feedline/clean.conf");

  private CleanFixtures() {}

  static CleanOptions options(String... overrides) {
    Config c = ConfigFactory.parseFile(CONF.toFile());
    for (String o : overrides) c = ConfigFactory.parseString("feedline.clean." + o).withFallback(c);
    return CleanOptions.from(new Settings(c.resolve(), "feedline.clean"));
  }
}
