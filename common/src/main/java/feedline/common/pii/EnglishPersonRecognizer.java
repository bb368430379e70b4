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
  /** Latin letters with the Latin-1 accented ones (José, Zoë, Müller); ASCII-range classes keep the scans fast. */
  private static final String UP = "[A-ZÀ-ÖØ-Þ]";
  private static final String LOW = "[a-zß-öø-ÿ]";
  private static final String LETTER = "[A-Za-zÀ-ÖØ-öø-ÿ]";
  private static final String CAP = "(?:Mc|Mac|O'|D'|O’)?" + UP + LOW + "+(?:-" + UP + LOW + "+)?";
  /** One to three capitalized words: a name after a context phrase. */
  private static final String NAME = CAP + "(?: " + CAP + "){0,2}";
  /**
   * Context phrases, found by plain substring search (much cheaper than scanning with an alternation),
   * each followed by what must come between it and the name, then the name.
   */
  private record Cue(List<String> phrases, boolean ignoreCase, Pattern then, double score) {}

  private static final Pattern AFTER_GREETING = Pattern.compile("\\s+(" + NAME + ")(?=\\s*[,!:;.]|\\s*$)");
  private static final Pattern AFTER_SIGN_OFF = Pattern.compile("\\s*[,!]\\s*(" + NAME + ")");
  private static final Pattern AFTER_INTRO = Pattern.compile("\\s+(" + NAME + ")");
  private static final Pattern AFTER_TWO = Pattern.compile("\\s+(" + CAP + "(?: " + CAP + "){1,2})");
  private static final List<Cue> CUES = List.of(
      // a greeting, then a name and punctuation ("Dear Anna,")
      new Cue(List.of("Dear", "Hi", "Hello", "Hey", "Good morning", "Good afternoon", "Good evening", "Thanks", "Thank you",
          "Congratulations", "Welcome"), false, AFTER_GREETING, 0.7),
      // a sign-off, a comma, then a name ("Best regards, Tom Hill")
      new Cue(List.of("best regards", "kind regards", "warm regards", "warmest regards", "regards", "best wishes", "all the best",
          "best", "thanks", "thank you", "many thanks", "cheers", "sincerely", "yours faithfully", "yours truly", "respectfully",
          "love"), true, AFTER_SIGN_OFF, 0.7),
      // phrases and form fields that introduce a name ("my name is", "Attn:", "From:", "posted by")
      new Cue(List.of("my name is", "my name's", "full name:", "patient name:", "customer name:", "first name:", "last name:",
          "customer:", "client:", "patient:", "contact:", "contact person:", "attn:", "attention:", "from:", "to:", "cc:", "bcc:",
          "reply-to:", "signed by", "posted by", "written by", "reported by", "submitted by", "reviewed by", "approved by",
          "ask for", "speak to", "talk to", "account holder:", "account name", "name on card", "cardholder", "cardholder:",
          "beneficiary", "beneficiary:", "payee", "payee:"), true, AFTER_INTRO, 0.7),
      // "name:" alone, not "Company name:"
      new Cue(List.of("Name:", "NAME:"), false, AFTER_INTRO, 0.7),
      // self-introductions that also open ordinary sentences ("This is Apple's"): two or more words
      new Cue(List.of("I'm", "I am", "I’m", "This is", "this is", "It's", "it's"), false, AFTER_TWO, 0.65),
      // verbs and phrases that take a person as object ("we interviewed Anna Berg", "according to Tom Hill")
      new Cue(List.of("thanked", "interviewed", "hired", "invited", "congratulated", "welcomed", "introduced", "contacted",
          "emailed", "visited", "congratulations to", "according to", "spoke with", "spoke to", "talked to", "met with",
          "meeting with", "cc'd", "married", "appointed", "promoted"), true, AFTER_TWO, 0.6));
  /** A signature after a dash at the end ("-- Kwame Mensah"). */
  private static final Pattern DASH_SIGNATURE = Pattern.compile("(?:--|—|–)\\s*(" + NAME + ")\\s*$");
  /** Two or three capitalized words right before a verb of speech or action that takes a person ("Anna Berg said"). */
  /** Verbs after which the words before are a person ("Anna Berg told"); found first, then the name before them. */
  private static final Pattern ACTOR_VERB = Pattern.compile(
      "\\s(?:told|asked|wrote|explained|replied|co-authored|was born|lives|died|recalled|thanked|emailed|texted"
          + "|and (?:his|her) (?:wife|husband|partner))\\b");
  /** Verbs that organisations share with people ("Goldman Sachs said"): the name needs a listed given name or surname. */
  private static final Pattern ACTOR_WEAK_VERB = Pattern.compile(
      "\\s(?:said|says|added|noted|presented|joined|agreed|took|will cover|called|met|confirmed)\\b");
  /** Two or three capitalized words at the end of a window. */
  private static final Pattern NAME_BEFORE = Pattern.compile("(?<![A-Za-zÀ-ÖØ-öø-ÿ'\\-])(" + CAP + "(?: " + CAP + "){1,2})$");
  /** A name joined to a found name ("Anna Berg and Tom Hill", "Anna Berg, Tom Hill"). */
  private static final Pattern JOINED_AFTER = Pattern.compile("^(?:\\s*,\\s*|\\s+and\\s+|\\s*&\\s*|\\s*,\\s*and\\s+)(" + CAP + "(?: " + CAP + "){1,2})");
  private static final Pattern JOINED_BEFORE = Pattern.compile("(?<![A-Za-zÀ-ÖØ-öø-ÿ'\\-])(" + CAP + "(?: " + CAP + "){1,2})(?:\\s*,\\s*|\\s+and\\s+|\\s*&\\s*)$");
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
      "Old", "Upper", "Lower", "Mount", "Port", "Fort", "Cape", "Bay", "Apple", "Google", "Microsoft", "Amazon",
      // terms of address that are not names
      "Mate", "Buddy", "Pal", "Love", "Dear", "Darling", "Sweetie", "Hun", "Babe", "Boss", "Chief", "Doc", "Bro", "Sis",
      "Ladies", "Gentlemen", "Happy", "Important", "Urgent", "Note", "Welcome", "Congratulations");
  private static final Pattern TITLED = Pattern.compile(
      "(?<![A-Za-z])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Madam|Dame|Lord|Lady|Rev|Captain|Capt|Judge|Nurse|Officer)\\.?\\s+"
          + "(" + CAP + "(?:\\s+[A-Z]\\.)?(?:\\s+" + CAP + "){0,2})");
  private static final Pattern CAPS = Pattern.compile(
      "(?<![A-Za-zÀ-ÖØ-öø-ÿ'\\-])" + CAP + "(?:\\s+[A-Z]\\.)?(?:\\s+" + CAP + "){0,3}(?!" + LETTER + ")");
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
  /** Wider lists, accepted only before a verb that organisations share with people ("Callum Fraser said"). */
  private final Set<String> givenWide;
  private final Set<String> surnamesWide;
  /** Head words of organisation, media and place names: "Virginia Tech said" is no person. */
  private static final Set<String> ORG_HEAD = Set.of("Inc", "Corp", "Ltd", "LLC", "Group", "Bank", "Capital", "Partners",
      "Holdings", "Tech", "Technologies", "Energy", "Motors", "Airlines", "Airways", "Post", "Times", "News", "Media",
      "University", "College", "School", "Institute", "Council", "Police", "Department", "Ministry", "Agency", "Foundation",
      "Fund", "Trust", "Society", "Association", "Club", "Company", "Co", "Labs", "Systems", "Software", "Health", "Hospital",
      "City", "County", "State", "Airport", "Insurance", "Securities", "Investments", "Ventures", "Studios", "Records", "Press");

  public EnglishPersonRecognizer() {
    given = load("feedline/pii/en_first_names.txt");
    ambiguous = load("feedline/pii/en_ambiguous_names.txt");
    surnames = load("feedline/pii/en_surnames.txt");
    givenWide = load("feedline/pii/en_given_names_wide.txt");
    surnamesWide = load("feedline/pii/en_surnames_wide.txt");
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
    // each context pattern runs only when one of its words occurs (a plain substring test is far cheaper than a scan)
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    if (lower.length() != text.length()) lower = text; // a case mapping changed the length: match case-sensitively
    for (Cue cue : CUES) addCued(text, cue.ignoreCase() ? lower : text, cue, out);
    if (text.indexOf('-') >= 0 || text.indexOf('—') >= 0 || text.indexOf('–') >= 0) addContext(text, DASH_SIGNATURE, 0.7, out);
    if (any(lower, "told", "asked", "wrote", "explained", "replied", "co-authored", "was born", "lives", "died", "recalled",
        "thanked", "emailed", "texted", "and his", "and her")) {
      addBeforeVerbs(text, ACTOR_VERB, false, out);
    }
    if (any(lower, "said", "says", "added", "noted", "presented", "joined", "agreed", "took", "will cover", "called", "met",
        "confirmed")) {
      addBeforeVerbs(text, ACTOR_WEAK_VERB, true, out);
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
    addJoined(text, out);
    return dedupe(out);
  }

  /** One span per offset pair, the highest score kept, in the order first found. */
  private static List<Span> dedupe(List<Span> spans) {
    java.util.Map<Long, Span> best = new java.util.LinkedHashMap<>();
    for (Span s : spans) best.merge(((long) s.start() << 32) | s.end(), s, (a, b) -> a.score() >= b.score() ? a : b);
    return new ArrayList<>(best.values());
  }

  /**
   * Whether two or three capitalized words hold a listed name: a curated given name first or surname
   * last, or a name of the wider lists when no word is an organisation's head word.
   */
  private boolean listed(String[] words) {
    String last = words[words.length - 1];
    if (knownGiven(words[0]) || surnames.contains(last)) return true;
    for (String w : words) {
      if (ORG_HEAD.contains(w)) return false;
    }
    return (givenWide.contains(words[0]) && !ambiguous.contains(words[0])) || surnamesWide.contains(last);
  }

  /** Two or three capitalized words right before a verb found by {@code verbs}; {@code needList}: one must be a listed name. */
  private void addBeforeVerbs(String text, Pattern verbs, boolean needList, List<Span> out) {
    Matcher v = verbs.matcher(text);
    while (v.find()) {
      int from = Math.max(0, v.start() - 60);
      Matcher n = NAME_BEFORE.matcher(text);
      n.region(from, v.start());
      n.useTransparentBounds(true);
      if (!n.find()) continue;
      String[] words = n.group(1).split(" ");
      if (needList && !listed(words)) continue;
      int[] se = trimStops(text, n.start(1), n.end(1));
      if (se == null || NOT_A_NAME.contains(firstWord(text, se[0], se[1])) || STOP.contains(firstWord(text, se[0], se[1]))) continue;
      out.add(new Span(se[0], se[1], PiiType.PERSON, 0.6, name()));
    }
  }

  /** Names after each occurrence of a cue phrase that starts a word. */
  private void addCued(String text, String haystack, Cue cue, List<Span> out) {
    for (String phrase : cue.phrases()) {
      for (int at = haystack.indexOf(phrase); at >= 0; at = haystack.indexOf(phrase, at + 1)) {
        if (at > 0 && Character.isLetter(haystack.charAt(at - 1))) continue;
        Matcher m = cue.then().matcher(text);
        m.region(at + phrase.length(), Math.min(text.length(), at + phrase.length() + 80));
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        if (!m.lookingAt()) continue;
        int[] se = trimStops(text, m.start(1), m.end(1));
        if (se == null || NOT_A_NAME.contains(firstWord(text, se[0], se[1])) || STOP.contains(firstWord(text, se[0], se[1]))) continue;
        if (placeFollows(text, se[1])) continue;
        out.add(new Span(se[0], se[1], PiiType.PERSON, cue.score(), name()));
      }
    }
  }

  private static boolean any(String lower, String... words) {
    for (String w : words) {
      if (lower.contains(w)) return true;
    }
    return false;
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
    // the list grows while it is walked: a name joined to a joined name counts too ("A, B and C")
    for (int i = 0; i < out.size() && i < 200; i++) {
      Span s = out.get(i);
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
