package feedline.common.annotate;

import feedline.common.config.ConfigError;
import feedline.common.config.Settings;
import java.util.List;

/**
 * Bound {@code feedline.annotate} settings.
 *
 * @param task what annotators do
 * @param labels the allowed labels (classes, entity types or intents)
 * @param minAnnotators items with fewer valid annotations go to review
 * @param minShare the majority label needs more than this share of an item's votes (0.5 = strict majority)
 * @param fromName Label Studio control name (the {@code <Choices>} or {@code <Labels>} tag)
 * @param toName Label Studio object name (the {@code <Text>} or {@code <Paragraphs>} tag)
 * @param labelField the column of resolved training rows holding the label
 */
public record AnnotateConfig(TaskKind task, List<String> labels, int minAnnotators, double minShare, String fromName,
    String toName, String labelField) {

  public AnnotateConfig {
    labels = List.copyOf(labels);
  }

  public static AnnotateConfig from(Settings s) {
    TaskKind task = s.enumValue("task", TaskKind.class);
    List<String> labels = s.stringList("labels");
    if (labels.isEmpty()) throw new ConfigError(s.path("labels"), "[]", "at least one label");
    if (labels.stream().distinct().count() != labels.size()) throw new ConfigError(s.path("labels"), labels, "distinct labels");
    return new AnnotateConfig(task, labels, s.integer("resolve.min-annotators", 1, 1000),
        s.number("resolve.min-share", 0.0, 0.99), s.string("label-studio.from-name"), s.string("label-studio.to-name"),
        s.string("output.label-field"));
  }
}
