package feedline.common.pii;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English personal names by gazetteer and context, fully offline: a title (Mr, Dr ...) followed by
 * capitalized words; a known given name followed by capitalized surname words; or a known given name
 * alone when it is not also a common word. Names from the ambiguous list (May, Mark, Grace ...) count
 * only with a surname or a title. Capitalized words that are not names (days, months, places,
 * organisations' words) end a name.
 */
public final class EnglishPersonRecognizer implements Recognizer {
  private static final String CAP = "(?:Mc|Mac|O'|D')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?";
  private static final Pattern TITLED = Pattern.compile(
      "(?<![A-Za-z])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Madam|Dame|Lord|Lady|Rev|Captain|Capt|Judge|Nurse|Officer)\\.?\\s+"
          + "(" + CAP + "(?:\\s+[A-Z]\\.)?(?:\\s+" + CAP + "){0,2})");
  private static final Pattern CAPS = Pattern.compile(
      "(?<![A-Za-z'\\-])" + CAP + "(?:\\s+[A-Z]\\.)?(?:\\s+" + CAP + "){0,3}(?![A-Za-z])");
  private static final Set<String> STOP = Set.of("The", "A", "An", "And", "Or", "But", "If", "Of", "In", "On", "At", "To",
      "For", "From", "With", "By", "Is", "Was", "Are", "Were", "Be", "Has", "Had", "Have", "Will", "Would", "Can", "Could",
      "Said", "Says", "Told", "Asked", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
      "December", "Street", "Avenue", "Road", "Lane", "Drive", "Boulevard", "University", "College", "School",
      "Hospital", "Bank", "Inc", "Ltd", "Corp", "Company", "Group", "Airport", "Station", "Park", "River", "Lake",
      "Mountain", "City", "County", "State", "Hotel", "Center", "Centre", "Institute", "Foundation", "Museum",
      "Church", "Library", "Team", "Department", "Ministry", "Office", "Committee", "Council", "Club", "Award",
      "Prize", "Day", "Week", "Year", "Please", "Thanks", "Thank", "Hi", "Hello", "Dear", "Yes", "No", "Not", "Our",
      "My", "Your", "His", "Her", "Their", "We", "I", "He", "She", "They", "It", "This", "That", "These", "Those",
      "Version", "Order", "Invoice", "Tracking", "Phone", "Email", "Card", "Account", "Visa", "Mastercard", "Today",
      "Tomorrow", "Yesterday", "Chapter", "Section", "Table", "Figure", "Way", "Court", "Square", "Place");
  private static final Set<String> AFTER_NAME_PLACE = Set.of("Street", "Avenue", "Road", "Lane", "Drive", "Boulevard",
      "University", "College", "School", "Hospital", "Bridge", "Park", "Airport", "Station", "Institute", "Center",
      "Centre", "Foundation", "Museum", "Library", "Hall", "Memorial", "Square", "Place", "Way", "Court");

  private static final Pattern NEXT_WORD = Pattern.compile("\\s+([A-Z][a-z]+)");

  private final Set<String> given;
  private final Set<String> ambiguous;
  private final Set<String> surnames;

  public EnglishPersonRecognizer() {
    given = load("feedline/pii/en_first_names.txt");
    ambiguous = load("feedline/pii/en_ambiguous_names.txt");
    surnames = load("feedline/pii/en_surnames.txt");
  }

  private boolean knownGiven(String w) {
    if (given.contains(w)) return true;
    int dash = w.indexOf('-');
    return dash > 0 && given.contains(w.substring(0, dash)) && given.contains(w.substring(dash + 1));
  }

  @Override
  public String name() {
    return "en_name_gazetteer";
  }

  @Override
  public List<Span> find(String text) {
    List<Span> out = new ArrayList<>();
    Matcher m = TITLED.matcher(text);
    while (m.find()) {
      int[] se = trimStops(text, m.start(1), m.end(1));
      if (se != null && !placeFollows(text, se[1])) out.add(new Span(se[0], se[1], PiiType.PERSON, 0.8, name()));
    }
    m = CAPS.matcher(text);
    while (m.find()) {
      String[] words = m.group().split("\\s+");
      int[] starts = new int[words.length];
      int at = m.start();
      for (int i = 0; i < words.length; i++) {
        at = text.indexOf(words[i], at);
        starts[i] = at;
        at += words[i].length();
      }
      for (int i = 0; i < words.length; i++) {
        String w = words[i];
        boolean known = knownGiven(w);
        boolean amb = ambiguous.contains(w);
        // an unknown capitalized word followed by a known surname ("Tobias Fischer")
        boolean beforeSurname = !known && !amb && !STOP.contains(w) && i + 1 < words.length && surnames.contains(words[i + 1])
            && !w.matches("[A-Z]\\.");
        if (!known && !amb && !beforeSurname) continue;
        int[] se = trimStops(text, starts[i], m.end());
        if (se == null || placeFollows(text, se[1])) break;
        boolean hasSurname = text.substring(se[0], se[1]).indexOf(' ') > 0;
        if (hasSurname) {
          out.add(new Span(se[0], se[1], PiiType.PERSON, known ? 0.75 : 0.6, name()));
        } else if (known) {
          out.add(new Span(se[0], se[1], PiiType.PERSON, 0.6, name()));
        }
        break;
      }
    }
    return out;
  }

  /** Cuts a span at its first stop word; null when nothing is left. */
  private static int[] trimStops(String text, int start, int end) {
    String s = text.substring(start, end);
    String[] words = s.split("\\s+");
    int len = 0;
    int pos = 0;
    for (int i = 0; i < words.length; i++) {
      int at = s.indexOf(words[i], pos);
      if (i > 0 && STOP.contains(words[i])) break;
      len = at + words[i].length();
      pos = len;
    }
    return len == 0 ? null : new int[] {start, start + len};
  }

  private static boolean placeFollows(String text, int end) {
    Matcher m = NEXT_WORD.matcher(text);
    m.region(end, Math.min(text.length(), end + 20));
    return m.lookingAt() && AFTER_NAME_PLACE.contains(m.group(1));
  }

  private static Set<String> load(String resource) {
    Set<String> out = new HashSet<>();
    try (InputStream in = EnglishPersonRecognizer.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) out.add(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(out);
  }
}
