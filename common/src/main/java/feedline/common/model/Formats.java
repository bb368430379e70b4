package feedline.common.model;

import java.util.Locale;
import java.util.Map;

/** Input formats collect understands, chosen by file extension. */
public final class Formats {
  public static final String TXT = "txt";
  public static final String MD = "md";
  public static final String HTML = "html";
  public static final String PDF = "pdf";
  public static final String DOCX = "docx";
  public static final String PPTX = "pptx";
  public static final String XLSX = "xlsx";
  public static final String CSV = "csv";
  public static final String TSV = "tsv";
  public static final String JSONL = "jsonl";
  public static final String CHAT = "chat";
  public static final String PARQUET = "parquet";

  private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
      Map.entry("txt", TXT), Map.entry("text", TXT), Map.entry("log", TXT),
      Map.entry("md", MD), Map.entry("markdown", MD),
      Map.entry("html", HTML), Map.entry("htm", HTML), Map.entry("xhtml", HTML),
      Map.entry("pdf", PDF), Map.entry("docx", DOCX), Map.entry("pptx", PPTX), Map.entry("xlsx", XLSX),
      Map.entry("csv", CSV), Map.entry("tsv", TSV),
      Map.entry("jsonl", JSONL), Map.entry("ndjson", JSONL), Map.entry("json", JSONL),
      Map.entry("parquet", PARQUET));

  private Formats() {}

  /** The format of a file name, {@code chat} for {@code *.chat.jsonl}, or null when unknown. */
  public static String of(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".chat.jsonl") || name.endsWith(".chat.json")) return CHAT;
    int dot = name.lastIndexOf('.');
    if (dot < 0) return null;
    return BY_EXTENSION.get(name.substring(dot + 1));
  }

  public static boolean isTextual(String format) {
    return switch (format) {
      case TXT, MD, HTML, CSV, TSV, JSONL, CHAT -> true;
      default -> false;
    };
  }
}
