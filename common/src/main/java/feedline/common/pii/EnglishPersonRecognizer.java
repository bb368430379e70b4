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
  private static final String CAP = "(?:Mc|Mac|O'|D'|O’)?\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?";
  /** One to three capitalized words: a name after a context phrase. */
  private static final String NAME = CAP + "(?: " + CAP + "){0,2}";
  /** A greeting or a sign-off, then a name ("Dear Anna,", "Best regards, Tom Hill"). */
  private static final Pattern GREETING = Pattern.compile(
      "(?<![\\p{L}])(?:Dear|Hi|Hello|Hey|Good morning|Good afternoon|Good evening)\\s+(" + NAME + ")(?=\\s*[,!:;.]|\\s*$)");
  private static final Pattern SIGN_OFF = Pattern.compile(
      "(?i:best regards|kind regards|warm regards|warmest regards|regards|best wishes|all the best|best|thanks|thank you"
          + "|many thanks|cheers|sincerely|yours sincerely|yours faithfully|yours truly|respectfully|love)\\s*[,!]\\s*(" + NAME + ")"
          + "|(?:--|—|–)\\s*(" + NAME + ")\\s*$");
  /** Phrases that introduce a person's name ("my name is", "Attn:", "From:", "posted by"). */
  private static final Pattern INTRO = Pattern.compile(
      "(?i:my name is|my name's|(?<!\\p{L} )name:|full name:|patient name:|customer name:|first name:|last name:|customer:|client:|patient:|contact:|contact person:|attn:|attention:"
          + "|from:|to:|cc:|bcc:|reply-to:|signed by|posted by|written by|reported by|submitted by|reviewed by|approved by"
          + "|ask for|speak to|talk to|account holder:|account name|name on card|cardholder:?|beneficiary:?|payee:?)\\s+(" + NAME + ")");
  /** Self-introductions that also open ordinary sentences ("I'm Fine" is rare, "This is Apple's" is not): two or more words. */
  private static final Pattern SELF = Pattern.compile(
      "(?<![\\p{L}])(?:I'm|I am|I’m|This is|this is|It's|it's)\\s+(" + CAP + "(?: " + CAP + "){1,2})");
  /** Two or three capitalized words right before a verb of speech or action that takes a person ("Anna Berg said"). */
  private static final Pattern ACTOR = Pattern.compile(
      "(?<![\\p{L}'\\-])(" + CAP + "(?: " + CAP + "){1,2})(?=\\s+(?:said|says|told|asked|wrote|added|explained|replied|noted"
          + "|presented|joined|agreed|co-authored|took|will cover|was born|lives|died|recalled|thanked|emailed|called|texted)\\b)");
  /** A name joined to a found name ("Anna Berg and Tom Hill", "Anna Berg, Tom Hill"). */
  private static final Pattern JOINED_AFTER = Pattern.compile("^(?:\\s*,\\s*|\\s+and\\s+|\\s*&\\s*|\\s*,\\s*and\\s+)(" + CAP + "(?: " + CAP + "){1,2})");
  private static final Pattern JOINED_BEFORE = Pattern.compile("(?<![\\p{L}'\\-])(" + CAP + "(?: " + CAP + "){1,2})(?:\\s*,\\s*|\\s+and\\s+|\\s*&\\s*)$");
  /** Words after a greeting that address a group or a role, not a person. */
  private static final Set<String> NOT_A_NAME = Set.of("Sir", "Sirs", "Madam", "Customer", "Customers", "Team", "All", "Everyone",
      "Everybody", "Colleagues", "Friends", "Members", "Valued", "Hiring", "Manager", "Support", "There", "Folks", "Guys",
      "Partner", "Partners", "Client", "Clients", "Applicant", "Candidate", "User", "Users", "Parents", "Students", "Sales",
      "Admin", "Reader", "Readers", "Both", "Again", "Morning", "Afternoon", "Evening", "Mr", "Mrs", "Ms", "Dr", "Prof",
      "Regards", "Best", "Thanks", "Cheers", "Sent", "Order", "Ticket", "Re", "Fwd", "Subject", "Hotel", "Room",
      "Accounts", "Payable", "Receivable", "Billing", "Service", "Services", "Desk", "Office", "Reception", "Security",
      "Human", "Resources", "Finance", "Legal", "Marketing", "Operations", "Engineering", "Product", "Director", "Head",
      // first words of place and organisation names
      "New", "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "United", "Saint",
      "San", "Santa", "Los", "Las", "Hong", "Great", "Royal", "National", "International", "General", "Global", "First",
      "Old", "Upper", "Lower", "Mount", "Port", "Fort", "Cape", "Bay", "Apple", "Google", "Microsoft", "Amazon");
  private static final Pattern TITLED = Pattern.compile(
      "(?<![A-Za-z])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Madam|Dame|Lord|Lady|Rev|Captain|Capt|Judge|Nurse|Officer)\\.?\\s+"
          + "(" + CAP + "(?:\\s+[A-Z]\\.)?(?:\\s+" + CAP + "){0,2})");
  private static final Pattern CAPS = Pattern.compile(
      "(?<![\\p{L}'\\-])" + CAP + "(?:\\s+[A-Z]\\.)?(?:\\s+" + CAP + "){0,3}(?![\\p{L}])");
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
    addContext(text, GREETING, 0.7, out);
    addContext(text, SIGN_OFF, 0.7, out);
    addContext(text, INTRO, 0.7, out);
    addContext(text, SELF, 0.65, out);
    addContext(text, ACTOR, 0.6, out);
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
    addJoined(text, out);
    return dedupe(out);
  }

  /** One span per offset pair, the highest score kept, in the order first found. */
  private static List<Span> dedupe(List<Span> spans) {
    java.util.Map<Long, Span> best = new java.util.LinkedHashMap<>();
    for (Span s : spans) best.merge(((long) s.start() << 32) | s.end(), s, (a, b) -> a.score() >= b.score() ? a : b);
    return new ArrayList<>(best.values());
  }

  /** Names in the capturing groups of {@code p}'s matches, cut at stop words and group words. */
  private void addContext(String text, Pattern p, double score, List<Span> out) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      for (int g = 1; g <= m.groupCount(); g++) {
        if (m.group(g) == null) continue;
        int[] se = trimStops(text, m.start(g), m.end(g));
        if (se == null || NOT_A_NAME.contains(firstWord(text, se[0], se[1])) || STOP.contains(firstWord(text, se[0], se[1]))) continue;
        if (placeFollows(text, se[1])) continue;
        out.add(new Span(se[0], se[1], PiiType.PERSON, score, name()));
      }
    }
  }

  /** Capitalized word pairs joined by "and", "&" or a comma to a name already found. */
  private void addJoined(String text, List<Span> out) {
    List<Span> found = new ArrayList<>(out);
    for (Span s : found) {
      Matcher a = JOINED_AFTER.matcher(text.substring(s.end(), Math.min(text.length(), s.end() + 60)));
      if (a.find()) addJoinedName(text, s.end() + a.start(1), s.end() + a.end(1), out);
      Matcher b = JOINED_BEFORE.matcher(text.substring(Math.max(0, s.start() - 60), s.start()));
      if (b.find()) {
        int off = Math.max(0, s.start() - 60);
        addJoinedName(text, off + b.start(1), off + b.end(1), out);
      }
    }
  }

  private void addJoinedName(String text, int start, int end, List<Span> out) {
    int[] se = trimStops(text, start, end);
    if (se == null || se[1] - se[0] < 3 || text.substring(se[0], se[1]).indexOf(' ') < 0) return;
    String first = firstWord(text, se[0], se[1]);
    if (STOP.contains(first) || NOT_A_NAME.contains(first) || placeFollows(text, se[1])) return;
    for (Span o : out) {
      if (o.start() < se[1] && se[0] < o.end()) return;
    }
    out.add(new Span(se[0], se[1], PiiType.PERSON, 0.6, name()));
  }

  private static String firstWord(String text, int start, int end) {
    int sp = text.indexOf(' ', start);
    return text.substring(start, sp < 0 || sp > end ? end : sp);
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
