package feedline.jobs.redact;

import static org.assertj.core.api.Assertions.assertThat;

import feedline.common.config.ConfigLoader;
import feedline.jobs.SparkTestBase;
import feedline.jobs.pipeline.Summary;
import feedline.jobs.stage.StageResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** No recognized value, and never the HMAC key, reaches the logs, the report or the printed config. */
class RedactLogLeakTest extends SparkTestBase {
  private static final String KEY = "k3y-that-must-stay-secret";
  private static final List<String> VALUES = List.of("13800138000", "11010519491231002X", "4111 1111 1111 1111",
      "zhang.wei@example.com", "GB82 WEST 1234 5698 7654 32", "张伟");

  @Test
  void valuesAndKeyStayOutOfLogsReportsAndConfigOutput() {
    List<String> captured = new CopyOnWriteArrayList<>();
    LoggerContext lc = (LoggerContext) LogManager.getContext(false);
    Configuration cfg = lc.getConfiguration();
    AbstractAppender appender = new AbstractAppender("redact-leak-capture", null, null, true, Property.EMPTY_ARRAY) {
      @Override
      public void append(LogEvent e) {
        captured.add(e.getLoggerName() + " " + e.getMessage().getFormattedMessage()
            + (e.getThrown() == null ? "" : " " + e.getThrown()));
      }
    };
    appender.start();
    LoggerConfig feedline = cfg.getLoggerConfig("feedline");
    Level before = feedline.getLevel();
    feedline.setLevel(Level.ALL);
    feedline.addAppender(appender, Level.ALL, null);
    cfg.getRootLogger().addAppender(appender, Level.ALL, null);
    lc.updateLoggers();
    try {
      // the capture works: a line logged under feedline arrives
      org.slf4j.LoggerFactory.getLogger("feedline.redact.probe").debug("capture-probe");
      assertThat(captured).anySatisfy(l -> assertThat(l).contains("capture-probe"));
      Dataset<Row> in = texts("a", "请联系张伟，电话13800138000，身份证11010519491231002X。",
          "b", "card 4111 1111 1111 1111, mail zhang.wei@example.com, IBAN GB82 WEST 1234 5698 7654 32", "c", null);
      StageResult r = runStage(new RedactStage(), in, "leak-run",
          new String[] {"redact.mode=hash", "redact.modes.PHONE=fake", "redact.hmac-key=\"" + KEY + "\""});
      String printed = Summary.table("leak-run", List.of(r)) + r.details() + r;
      String config = ConfigLoader.renderMasked(config("redact.hmac-key=\"" + KEY + "\""));
      String redacted = output(r, "documents_redacted").select("text").collectAsList().toString();
      String quarantine = output(r, "quarantine").collectAsList().toString();
      String audit = output(r, RedactStage.AUDIT).collectAsList().toString();
      for (String v : VALUES) {
        assertThat(String.join("\n", captured)).doesNotContain(v);
        assertThat(printed).doesNotContain(v);
        assertThat(redacted).doesNotContain(v);
        assertThat(quarantine).doesNotContain(v);
        assertThat(audit).doesNotContain(v);
      }
      assertThat(String.join("\n", captured)).doesNotContain(KEY);
      assertThat(printed).doesNotContain(KEY);
      assertThat(config).doesNotContain(KEY);
      assertThat(redacted).contains("<ID_NUMBER:");
    } finally {
      cfg.getRootLogger().removeAppender(appender.getName());
      feedline.removeAppender(appender.getName());
      feedline.setLevel(before);
      lc.updateLoggers();
      appender.stop();
    }
  }
}
