package feedline.trainer.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Draws training loss per step (line) and validation loss (points) into a PNG, headless. */
public final class LossCurve {
  private static final int W = 800;
  private static final int H = 480;
  private static final int L = 70;
  private static final int R = 20;
  private static final int T = 40;
  private static final int B = 50;

  private LossCurve() {}

  /** Each point is {step, loss}. */
  public static void write(Path png, List<double[]> train, List<double[]> validation, String title) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    double maxStep = 1;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (List<double[]> series : List.of(train, validation)) {
      for (double[] p : series) {
        if (!Double.isFinite(p[1])) continue;
        maxStep = Math.max(maxStep, p[0]);
        lo = Math.min(lo, p[1]);
        hi = Math.max(hi, p[1]);
      }
    }
    if (!Double.isFinite(lo)) {
      lo = 0;
      hi = 1;
    }
    if (hi - lo < 1e-9) {
      hi += 0.5;
      lo -= 0.5;
    }
    g.setColor(Color.DARK_GRAY);
    g.drawRect(L, T, W - L - R, H - T - B);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int i = 0; i <= 4; i++) {
      double v = lo + (hi - lo) * i / 4;
      int y = yOf(v, lo, hi);
      g.drawString(String.format("%.3f", v), 5, y + 4);
      int x = L + (W - L - R) * i / 4;
      g.drawString(String.format("%.0f", maxStep * i / 4), x - 10, H - B + 18);
    }
    g.drawString("step", W / 2, H - 10);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(title, L, 25);
    g.setStroke(new BasicStroke(1.5f));
    g.setColor(new Color(31, 119, 180));
    int px = -1;
    int py = -1;
    for (double[] p : train) {
      if (!Double.isFinite(p[1])) continue;
      int x = xOf(p[0], maxStep);
      int y = yOf(p[1], lo, hi);
      if (px >= 0) g.drawLine(px, py, x, y);
      px = x;
      py = y;
    }
    g.setColor(new Color(214, 39, 40));
    for (double[] p : validation) {
      if (!Double.isFinite(p[1])) continue;
      g.fillOval(xOf(p[0], maxStep) - 4, yOf(p[1], lo, hi) - 4, 8, 8);
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.setColor(new Color(31, 119, 180));
    g.drawString("train loss", W - 170, 25);
    g.setColor(new Color(214, 39, 40));
    g.drawString("validation loss", W - 100, 25);
    g.dispose();
    ImageIO.write(img, "png", png.toFile());
  }

  private static int xOf(double step, double maxStep) {
    return L + (int) Math.round((W - L - R) * step / maxStep);
  }

  private static int yOf(double v, double lo, double hi) {
    return T + (int) Math.round((H - T - B) * (1 - (v - lo) / (hi - lo)));
  }
}
