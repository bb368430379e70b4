package feedline.common.pii;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the recognizers, adjusts each candidate's score by its context, keeps candidates of enabled
 * types at or above their type's threshold and resolves overlaps. Thread-safe; heavy to build (the
 * Chinese name recognizer loads HanLP's dictionaries), so build it once per JVM.
 */
public final class PiiDetector {
  private final List<Recognizer> recognizers;
  private final ContextRules context;
  private final Set<PiiType> enabled;
  private final Map<PiiType, Double> thresholds;

  public PiiDetector(List<Recognizer> recognizers, ContextRules context, Set<PiiType> enabled,
      Map<PiiType, Double> thresholds) {
    this.recognizers = List.copyOf(recognizers);
    this.context = context;
    this.enabled = enabled.isEmpty() ? EnumSet.noneOf(PiiType.class) : EnumSet.copyOf(enabled);
    this.thresholds = new EnumMap<>(thresholds);
  }

  /** Every recognizer feedline has, for the given set of types (recognizers of other types are skipped). */
  public static List<Recognizer> standardRecognizers(Set<PiiType> types, LocalDate today) {
    List<Recognizer> out = new ArrayList<>();
    if (types.contains(PiiType.EMAIL)) out.add(new EmailRecognizer());
    if (types.contains(PiiType.URL)) out.add(new UrlRecognizer());
    if (types.contains(PiiType.IP_ADDRESS)) out.add(new IpAddressRecognizer());
    if (types.contains(PiiType.ID_NUMBER)) out.add(new ChineseIdRecognizer(today));
    if (types.contains(PiiType.BANK_CARD)) out.add(new BankCardRecognizer());
    if (types.contains(PiiType.IBAN)) out.add(new IbanRecognizer());
    if (types.contains(PiiType.CRYPTO_ADDRESS)) out.add(new CryptoAddressRecognizer());
    if (types.contains(PiiType.PHONE)) out.add(new PhoneRecognizer());
    if (types.contains(PiiType.PERSON)) {
      out.add(new ChinesePersonRecognizer()); // includes the cue rule of CuedChineseNameRecognizer, on word boundaries
      out.add(new EnglishPersonRecognizer());
    }
    if (types.contains(PiiType.PASSPORT)) out.add(new PassportRecognizer());
    if (types.contains(PiiType.LICENSE_PLATE)) out.add(new LicensePlateRecognizer());
    if (types.contains(PiiType.DATE_OF_BIRTH)) out.add(new DateOfBirthRecognizer());
    if (types.contains(PiiType.ADDRESS)) out.add(new AddressRecognizer());
    return out;
  }

  /** A detector with the standard recognizers, default context weights and one threshold for all types. */
  public static PiiDetector standard(Set<PiiType> types, double threshold) {
    Map<PiiType, Double> th = new EnumMap<>(PiiType.class);
    for (PiiType t : types) th.put(t, threshold);
    return new PiiDetector(standardRecognizers(types, LocalDate.now()), new ContextRules(0.3, 0.45), types, th);
  }

  public Set<PiiType> enabled() {
    return EnumSet.copyOf(enabled.isEmpty() ? EnumSet.noneOf(PiiType.class) : enabled);
  }

  /**
   * The accepted spans in text order, non-overlapping. Recognizers read the text with full-width
   * forms folded ({@link WidthFold}, offsets unchanged); every further verbatim occurrence of an
   * accepted value in the same text is reported too (recognizer {@code repeat}), so that a value
   * found once is not left in clear elsewhere in the document.
   */
  public List<Span> detect(String text) {
    if (text == null || text.isEmpty()) return List.of();
    String folded = WidthFold.fold(text);
    List<Span> candidates = new ArrayList<>();
    for (Recognizer r : recognizers) {
      for (Span s : r.find(folded)) {
        if (!enabled.contains(s.type())) continue;
        Span scored = context.apply(folded, s);
        if (scored.score() >= thresholds.getOrDefault(s.type(), 0.5)) candidates.add(scored);
      }
    }
    return Repeats.addRepeats(text, SpanResolver.resolve(candidates));
  }
}
