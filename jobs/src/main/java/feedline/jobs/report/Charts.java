package feedline.jobs.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/** Horizontal bar charts as PNG bytes, drawn with java.awt in headless mode (no display needed). */
public final class Charts {
  private static final Color[] PALETTE = {new Color(0x4C78A8), new Color(0x59A14F), new Color(0xE15759), new Color(0xF28E2B),
      new Color(0x76B7B2), new Color(0xB07AA1), new Color(0xEDC948), new Color(0x9C755F)};

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /** One series of values. */
  public record Series(String name, double[] values) {}

  /**
   * Grouped horizontal bars: one group per label, one bar per series, values written at the bar end.
   *
   * @param unit shown after each value (e.g. "s"), may be empty
   */
  public static byte[] bars(String title, List<String> labels, List<Series> series, String unit) {
    int barH = 16;
    int groupGap = 10;
    int groupH = series.size() * barH + groupGap;
    int width = 900;
    int top = 50 + (series.size() > 1 ? 22 : 0);
    int height = top + Math.max(1, labels.size()) * groupH + 30;
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
      g.drawString(title, 12, 26);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      FontMetrics fm = g.getFontMetrics();
      if (series.size() > 1) {
        int x = 12;
        for (int s = 0; s < series.size(); s++) {
          g.setColor(PALETTE[s % PALETTE.length]);
          g.fillRect(x, 38, 12, 12);
          g.setColor(Color.BLACK);
          g.drawString(series.get(s).name(), x + 16, 49);
          x += 30 + fm.stringWidth(series.get(s).name());
        }
      }
      int labelW = 0;
      for (String l : labels) labelW = Math.max(labelW, fm.stringWidth(l));
      labelW = Math.min(labelW, 300);
      int x0 = 20 + labelW;
      int plotW = width - x0 - 110;
      double max = 0;
      for (Series s : series) for (double v : s.values()) max = Math.max(max, v);
      if (max <= 0) max = 1;
      for (int i = 0; i < labels.size(); i++) {
        int y = top + i * groupH;
        g.setColor(Color.BLACK);
        String label = labels.get(i);
        while (fm.stringWidth(label) > labelW && label.length() > 4) label = label.substring(0, label.length() - 2);
        g.drawString(label, 12, y + series.size() * barH / 2 + fm.getAscent() / 2 - 1);
        for (int s = 0; s < series.size(); s++) {
          double v = i < series.get(s).values().length ? series.get(s).values()[i] : 0;
          int w = (int) Math.round(plotW * v / max);
          g.setColor(PALETTE[s % PALETTE.length]);
          g.fillRect(x0, y + s * barH, Math.max(w, v > 0 ? 1 : 0), barH - 2);
          g.setColor(Color.DARK_GRAY);
          g.drawString(format(v) + unit, x0 + w + 4, y + s * barH + barH - 5);
        }
      }
      g.setColor(Color.GRAY);
      g.setStroke(new BasicStroke(1f));
      g.drawLine(x0, top - 4, x0, height - 24);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
    return String.format(java.util.Locale.ROOT, "%.2f", v);
  }
}
