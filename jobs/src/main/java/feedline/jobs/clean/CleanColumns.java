package feedline.jobs.clean;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The shape of the clean stage's rows: every input column in its place ({@code text} and {@code lang}
 * rewritten; {@code lang} appended when the input has none), then the clean columns, then three
 * internal columns (outcome, reason, detail) that the stage splits on and removes.
 */
final class CleanColumns implements Serializable {
  private static final long serialVersionUID = 1L;

  static final String LANG = "lang";
  static final String LANG_CONFIDENCE = "lang_confidence";
  static final String SCRIPTS = "scripts";
  static final String QUALITY = "quality";
  static final String QUALITY_SCORE = "quality_score";
  static final String EDITS = "clean_edits";
  static final String KIND = "_clean_kind";
  static final String REASON = "_clean_reason";
  static final String DETAIL = "_clean_detail";
  static final String KEPT = "kept";
  static final String DROPPED = "dropped";
  static final String QUARANTINED = "quarantined";

  private static final Set<String> REPLACED = Set.of(LANG_CONFIDENCE, SCRIPTS, QUALITY, QUALITY_SCORE, EDITS, KIND, REASON, DETAIL);

  private final int[] carried;
  private final int textIn;
  private final int textOut;
  private final int langOut;
  private final int[] urlIn;
  private final int firstNew;
  private final StructType schema;

  CleanColumns(StructType in, List<String> urlColumns) {
    List<Integer> keep = new ArrayList<>();
    StructType out = new StructType();
    int lang = -1;
    int text = -1;
    for (int i = 0; i < in.fields().length; i++) {
      StructField f = in.fields()[i];
      if (REPLACED.contains(f.name())) continue;
      if (f.name().equals(LANG)) {
        lang = keep.size();
        out = out.add(LANG, DataTypes.StringType, true);
      } else if (f.name().equals("text")) {
        text = keep.size();
        out = out.add("text", DataTypes.StringType, true);
      } else {
        out = out.add(f);
      }
      keep.add(i);
    }
    this.carried = keep.stream().mapToInt(Integer::intValue).toArray();
    this.textIn = Arrays.asList(in.fieldNames()).indexOf("text");
    this.textOut = text;
    if (lang < 0) {
      lang = out.fields().length;
      out = out.add(LANG, DataTypes.StringType, true);
    }
    this.langOut = lang;
    this.firstNew = out.fields().length;
    this.schema = out
        .add(LANG_CONFIDENCE, DataTypes.DoubleType, true)
        .add(SCRIPTS, DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType), true)
        .add(QUALITY, DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType), true)
        .add(QUALITY_SCORE, DataTypes.DoubleType, true)
        .add(EDITS, DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType), true)
        .add(KIND, DataTypes.StringType, false)
        .add(REASON, DataTypes.StringType, true)
        .add(DETAIL, DataTypes.StringType, true);
    List<Integer> urls = new ArrayList<>();
    for (String u : urlColumns) {
      int idx = Arrays.asList(in.fieldNames()).indexOf(u);
      if (idx >= 0) urls.add(idx);
    }
    this.urlIn = urls.stream().mapToInt(Integer::intValue).toArray();
  }

  StructType schema() {
    return schema;
  }

  int outWidth() {
    return schema.fields().length;
  }

  int[] carried() {
    return carried;
  }

  int textIn() {
    return textIn;
  }

  int textOut() {
    return textOut;
  }

  int langOut() {
    return langOut;
  }

  int[] urlIn() {
    return urlIn;
  }

  int langConfidenceOut() {
    return firstNew;
  }

  int scriptsOut() {
    return firstNew + 1;
  }

  int qualityOut() {
    return firstNew + 2;
  }

  int qualityScoreOut() {
    return firstNew + 3;
  }

  int editsOut() {
    return firstNew + 4;
  }

  int kindOut() {
    return firstNew + 5;
  }

  int reasonOut() {
    return firstNew + 6;
  }

  int detailOut() {
    return firstNew + 7;
  }
}
