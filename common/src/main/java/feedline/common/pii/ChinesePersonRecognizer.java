package feedline.common.pii;

import static feedline.common.pii.CuedChineseNameRecognizer.isHan;
import static feedline.common.pii.CuedChineseNameRecognizer.nameChar;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese personal names with HanLP's person-name recognition (role tagging over the Viterbi
 * segmentation, data shipped in the portable jar). Terms tagged {@code nr} (Chinese names),
 * {@code nrf} (transliterated names) and {@code nrj} (Japanese names) become PERSON spans.
 * Two rules over the same segmentation add names the statistical model misses: a name right after
 * a role or relation noun (财务、快递员、经理、老师、同事、司机 ..., recognizer {@code cn_name_role}),
 * and a name listed next to a found name with 、和与及 (recognizer {@code cn_name_list}). In both,
 * a name is a known surname plus one or two given characters that are not a dictionary word, and
 * the name must end where HanLP's segmentation has a word boundary.
 * Building one loads HanLP's dictionaries: build it once per JVM.
 */
public final class ChinesePersonRecognizer implements Recognizer {
  /** Role, occupation and relation nouns that often stand right before a full name. */
  static final Set<String> ROLE_WORDS = Set.of(
      "财务", "会计", "出纳", "快递员", "快递小哥", "外卖员", "配送员", "派送员", "送货员", "司机", "驾驶员", "师傅", "班主任", "老师", "教师",
      "讲师", "教授", "导师", "校长", "院长", "医生", "医师", "大夫", "护士长", "护士", "药师", "主任", "经理", "总经理", "副经理", "总监",
      "总裁", "董事长", "店长", "店员", "老板", "秘书", "助理", "律师", "法官", "检察官", "警官", "民警", "记者", "编辑", "主编", "作家",
      "导演", "演员", "歌手", "选手", "运动员", "教练", "队长", "同事", "同学", "老同学", "朋友", "好友", "邻居", "业主", "房东", "租客",
      "保安", "保洁", "保洁员", "维修工", "工程师", "技术员", "设计师", "销售", "顾问", "客服", "专员", "管理员", "志愿者", "书记", "村支书",
      "市长", "县长", "局长", "处长", "科长", "部长", "厂长", "所长", "社长", "会长", "主席", "委员", "代表", "发言人", "嘉宾", "主持人",
      "网友", "买家", "卖家", "员工", "职员", "实习生", "学生", "考生", "学员", "家属", "丈夫", "妻子", "老婆", "老公", "爱人", "儿子",
      "女儿", "父亲", "母亲", "爸爸", "妈妈", "哥哥", "姐姐", "弟弟", "妹妹", "爷爷", "奶奶", "外婆", "外公", "舅舅", "阿姨", "叔叔",
      "姑姑", "航天员", "飞行员", "机长", "乘务员", "收银员", "营业员", "业务员", "组长", "班长", "主管", "专家", "研究员", "博士", "院士",
      "厨师", "当事人", "嫌疑人", "被告", "被告人", "原告", "证人", "受害人", "报案人", "举报人", "委托人", "代理人", "法定代表人", "法人",
      "股东", "审批人", "签收人", "收款人", "付款人", "汇款人", "开户人", "持有人", "承办人", "填表人", "监护人", "紧急联系人", "担保人", "借款人",
      "对接人", "接待人", "值班员");
  /** A title or form of address right after a surname ("王经理", "李老师"): the surname alone is not a name. */
  private static final Pattern TITLE_AFTER = Pattern.compile("(?:小姐|先生|女士|老师|师傅|经理|主任|医生|大夫|护士|总监"
      + "|老板|阿姨|叔叔|同学|律师|警官|局长|处长|科长|部长|院长|校长|主管|工|总|哥|姐|姨|叔|伯|某|家|氏|们|式|记|牌|派|族|姓|帮|门|府|墓|祠)");
  private static final Pattern LIST_SEP = Pattern.compile("、|和|与|及|跟|同");
  /** The last characters of the role nouns: a cheap first test before the word lookups. */
  private static final String ROLE_LAST;

  static {
    StringBuilder sb = new StringBuilder();
    for (String w : ROLE_WORDS) {
      char c = w.charAt(w.length() - 1);
      if (sb.indexOf(String.valueOf(c)) < 0) sb.append(c);
    }
    ROLE_LAST = sb.toString();
  }

  /** Verbs and prepositions that take a person as their object. */
  private static final Set<String> TAKES_PERSON = Set.of("交给", "告诉", "通知", "联系", "感谢", "谢谢", "恭喜", "祝贺", "转告",
      "提醒", "给", "让", "叫", "找", "问", "跟", "替", "向", "请", "被", "由", "和", "与", "同", "帮");
  /** Forms of address before a name in letters and messages. */
  private static final Pattern ADDRESSED = Pattern.compile("亲爱的|尊敬的|致");
  /** Function words HanLP sometimes takes into a name's end ("姚明和"). */
  private static final String TRIM = "的了是在和与及或也都就还又很再把被给向对从为跟同等";
  /** Characters that make a place, shop, style or clan word out of a surname ("曹操墓", "韩式", "王氏"): never a given name's end. */
  static final String NOUN_SUFFIX = "墓祠府庙陵式氏家记牌派族帮店庄寨楼馆院桥湖街路区县市省厂队组部局所站号码体型版案奖杯班级届员";
  /** A name spoken for in a chat log or transcript: the speaker, then a colon, at the start or after a break. */
  private static final Pattern SPEAKER = Pattern.compile("(?:^|(?<=[\\s。！？；!?;」』”\\]）)]))([\\u4e00-\\u9fa5]{2,4})[：:]");
  /** A title or form of address after a full name ("章子琪同学", "王建国先生"). */
  private static final Pattern TITLE_SUFFIX = Pattern.compile("(?:同学|先生|女士|小姐|老师|医生|教授|律师|经理|主任|师傅|阿姨|警官|院士|博士|总监)");

  private final Segment segment;

  public ChinesePersonRecognizer() {
    HanLP.Config.ShowTermNature = true;
    segment = HanLP.newSegment().enableNameRecognize(true).enableTranslatedNameRecognize(true)
        .enableJapaneseNameRecognize(false).enableOrganizationRecognize(false).enablePlaceRecognize(false)
        .enableOffset(true);
  }

  @Override
  public String name() {
    return "hanlp_nr";
  }

  @Override
  public List<Span> find(String text) {
    List<Span> out = new ArrayList<>();
    if (!hasHan(text)) return out;
    List<Term> terms;
    synchronized (segment) {
      terms = segment.seg(text);
    }
    Map<Integer, Term> byStart = new HashMap<>();
    for (Term t : terms) {
      if (t.offset >= 0 && t.offset + t.word.length() <= text.length() && text.regionMatches(t.offset, t.word, 0, t.word.length())) {
        byStart.put(t.offset, t);
      }
    }
    for (Term t : terms) {
      if (t.nature == null || t.word.length() < 2) continue;
      String nature = t.nature.toString();
      if (!nature.equals("nr") && !nature.equals("nrf")) continue;
      if (!allHan(t.word)) continue;
      int start = t.offset;
      int end = start + t.word.length();
      if (start < 0 || end > text.length() || !text.regionMatches(start, t.word, 0, t.word.length())) {
        start = text.indexOf(t.word);
        if (start < 0) continue;
        end = start + t.word.length();
      }
      if (nature.equals("nr")) {
        int sur = ChineseNames.surnameAt(text, start);
        // a Chinese name starts with a surname; HanLP also tags words like "运单号" nr
        if (sur == 0 || t.word.endsWith("号") || t.word.endsWith("码")) continue;
        // HanLP at times takes a place or shop character along ("曹操墓")
        if (t.word.length() == sur + 2 && NOUN_SUFFIX.indexOf(t.word.charAt(t.word.length() - 1)) >= 0) end--;
        if (t.word.length() == sur + 1 && NOUN_SUFFIX.indexOf(t.word.charAt(t.word.length() - 1)) >= 0) continue; // "单员", "韩式"
        // a surname with a title ("王经理", "李老师") is a form of address, not a name
        Matcher title = TITLE_AFTER.matcher(t.word);
        title.region(sur, t.word.length());
        if (title.lookingAt() && title.end() == t.word.length()) continue;
        // a doubled first character is a word, not a surname ("谢谢季")
        if (t.word.length() >= 3 && t.word.charAt(0) == t.word.charAt(1)) continue;
        // HanLP at times takes the function word after a name along ("姚明和")
        while (end - start > sur + 1 && TRIM.indexOf(text.charAt(end - 1)) >= 0) end--;
        Term next = byStart.get(end);
        if (next == null || !functionWord(next)) {
          int wide = extend(text, start, end, sur);
          // "翁美/nr 玲/nz 生前": a lone proper-noun morpheme right after a surname + one character completes the name
          if (wide == end && end - start == sur + 1 && next != null && next.word.length() == 1 && properMorpheme(next)
              && CuedChineseNameRecognizer.STOP.indexOf(next.word.charAt(0)) < 0 && NOUN_SUFFIX.indexOf(next.word.charAt(0)) < 0) {
            wide = end + 1;
          }
          end = wide;
        }
      }
      out.add(new Span(start, end, PiiType.PERSON, nature.equals("nr") ? 0.75 : 0.65, name()));
    }
    addGivenAfterSurname(text, terms, out);
    addDotted(text, terms, out);
    addCued(text, byStart, out);
    addAddressed(text, byStart, out);
    addAfterRoles(text, terms, byStart, out);
    addAfterVerbs(text, byStart, out);
    addGluedToVerb(text, terms, byStart, out);
    addSurnameThenWordName(text, terms, out);
    addWordNameInPersonSlot(text, terms, byStart, out);
    addLittleName(text, terms, byStart, out);
    addSpeakers(text, byStart, out);
    addTitled(text, byStart, out);
    addListed(text, byStart, out);
    return out;
  }

  /**
   * A three-character name HanLP cut into a dictionary word and a morpheme ("章子/n 琪/ng"): accepted
   * before a title when the last piece is a single bound morpheme, not a noun or measure word ("高一/班").
   */
  private static boolean splitThreeCharacterName(String text, int p, int t, int sur, Map<Integer, Term> byStart) {
    if (t - p != sur + 2 || NOUN_SUFFIX.indexOf(text.charAt(t - 1)) >= 0) return false;
    Term last = byStart.get(t - 1);
    Term first = byStart.get(p);
    if (last == null || first == null || first.word.length() != t - 1 - p || last.nature == null) return false;
    String n = last.nature.toString();
    return (n.equals("ng") || n.equals("nz") || n.equals("ag") || n.equals("vg") || n.startsWith("nr")) && !functionWord(first);
  }

  /**
   * Transliterated and minority names written with a middle dot ("约翰/nrf ·/w 史密斯/nrf"): the words
   * on both sides of the dot join into one name when one of them is a name and neither is a place.
   */
  private static void addDotted(String text, List<Term> terms, List<Span> out) {
    for (int i = 1; i + 1 < terms.size(); i++) {
      Term dot = terms.get(i);
      if (dot.word.length() != 1 || "·•・".indexOf(dot.word.charAt(0)) < 0) continue;
      Term left = terms.get(i - 1);
      Term right = terms.get(i + 1);
      if (left.nature == null || right.nature == null || !allHan(left.word) || !allHan(right.word)) continue;
      if (left.word.length() < 2 || right.word.length() < 2 || left.offset < 0 || right.offset < 0) continue;
      String ln = left.nature.toString();
      String rn = right.nature.toString();
      // a transliterated surname that is also a transliterated place ("玛丽亚/nrf ·/w 加西亚/nsf") joins a transliterated given name
      boolean translitSurname = ln.equals("nrf") && rn.equals("nsf");
      if (!translitSurname && (ln.startsWith("ns") || rn.startsWith("ns") || ln.startsWith("nt") || rn.startsWith("nt"))) continue;
      if (!ln.startsWith("nr") && !rn.startsWith("nr")) continue;
      int end = right.offset + right.word.length();
      if (end > text.length()) continue;
      out.add(new Span(left.offset, end, PiiType.PERSON, 0.7, "hanlp_nr"));
    }
  }

  /**
   * A given name HanLP tagged {@code nr} on its own right after a one-character term that is a
   * surname ("滕/丽丽"): the two together are the name.
   */
  private static void addGivenAfterSurname(String text, List<Term> terms, List<Span> out) {
    for (int i = 1; i < terms.size(); i++) {
      Term t = terms.get(i);
      Term prev = terms.get(i - 1);
      if (t.nature == null || t.word.length() > 2 || !allHan(t.word) || prev.nature == null) continue;
      String n = t.nature.toString();
      if (prev.word.length() != 1 || ChineseNames.surnameAt(prev.word, 0) != 1) continue;
      if (functionWord(prev)) continue; // "和/cc 小张/nr"
      if (prev.offset < 0 || prev.offset + 1 != t.offset || t.offset + t.word.length() > text.length()) continue;
      if (n.equals("nr")) {
        if (ChineseNames.surnameAt(t.word, 0) != 0) continue;
      } else {
        // "邢/nz 雅琪/nz": a surname character HanLP knows only as a proper-noun morpheme, then a two-character
        // proper-noun piece, then a word boundary
        String pn = prev.nature.toString();
        if (!n.equals("nz") || t.word.length() != 2 || !(pn.equals("nz") || pn.equals("ng") || pn.equals("ag"))) continue;
        Term next = i + 1 < terms.size() ? terms.get(i + 1) : null;
        if (next != null && next.word.length() == 1 && isHan(next.word.charAt(0)) && !functionWord(next)) continue;
        if (NOUN_SUFFIX.indexOf(t.word.charAt(1)) >= 0) continue;
      }
      out.add(new Span(prev.offset, t.offset + t.word.length(), PiiType.PERSON, n.equals("nr") ? 0.7 : 0.6, "hanlp_nr"));
    }
  }

  /**
   * A name after a field cue ("姓名：", "联系人", "我叫", any "…人：" field): the name ends on a word
   * boundary; a dictionary word of name length right after the cue counts too, as such a field holds a name.
   */
  private static void addCued(String text, Map<Integer, Term> byStart, List<Span> out) {
    Matcher m = CuedChineseNameRecognizer.CUE.matcher(text);
    while (m.find()) {
      int p = m.end();
      int end = nameEnd(text, p, byStart);
      if (end < 0) {
        Term t = byStart.get(p);
        int sur = ChineseNames.surnameAt(text, p);
        if (t == null || sur == 0 || t.word.length() <= sur || t.word.length() > sur + 2 || !allHan(t.word)) continue;
        if (!ends(text, p + t.word.length())) continue;
        Matcher title = TITLE_AFTER.matcher(text);
        title.region(p + sur, text.length());
        if (title.lookingAt()) continue;
        end = p + t.word.length();
      }
      out.add(new Span(p, end, PiiType.PERSON, 0.8, "cn_name_cue"));
    }
  }

  /**
   * A name HanLP left in pieces ("韦/nz 小宝/nz") right after a verb or preposition that takes a
   * person (交给、让、找、问、被、替 ...): the verb must be a word of its own and the name must end on a boundary.
   */
  private static void addAfterVerbs(String text, Map<Integer, Term> byStart, List<Span> out) {
    for (Term verb : byStart.values()) {
      if (!TAKES_PERSON.contains(verb.word)) continue;
      int p = verb.offset + verb.word.length();
      Term first = byStart.get(p);
      if (first == null || first.word.length() != 1) continue; // a whole word, named or not, was HanLP's call
      Term given = byStart.get(p + 1);
      if (given != null && given.word.length() == 1 && functionWord(given)) continue; // "被车撞了"
      int end = nameEnd(text, p, byStart);
      if (end > 0) out.add(new Span(p, end, PiiType.PERSON, 0.6, "cn_name_verb"));
    }
  }

  /** Verbs whose subject is a person: a word-name right before one is a name ("高峰说", "白雪表示"). */
  private static final Set<String> PERSON_PREDICATE = Set.of("说", "表示", "告诉", "认为", "回复", "回答", "答应", "同意",
      "打电话", "请假", "辞职", "透露", "坦言", "称", "笑着说", "说道", "问道", "回忆", "介绍说");

  /** What a person has: a word-name before 的 + one of these is a name ("白雪的手机号", "高峰的妈妈"). */
  private static final Set<String> POSSESSED = Set.of("电话", "手机", "手机号", "电话号码", "微信", "微信号", "邮箱", "身份证",
      "身份证号", "住址", "妈妈", "爸爸", "母亲", "父亲", "丈夫", "妻子", "老公", "老婆", "儿子", "女儿", "家人", "朋友圈");

  /**
   * A name that is also a word ({@link #wordName}: a surname, a noun ending in a common given-name
   * character, a boundary) in a slot that takes a person: right before a verb of saying or another
   * person predicate or before 的 + something a person has (手机号、妈妈), or right after a verb of two or more characters that takes a person (交给白雪、通知高峰).
   */
  private static void addWordNameInPersonSlot(String text, List<Term> terms, Map<Integer, Term> byStart, List<Span> out) {
    for (int i = 0; i < terms.size(); i++) {
      Term t = terms.get(i);
      if (t.offset < 0) continue;
      boolean before = i + 1 < terms.size() && PERSON_PREDICATE.contains(terms.get(i + 1).word)
          || i + 2 < terms.size() && terms.get(i + 1).word.equals("的") && POSSESSED.contains(terms.get(i + 2).word);
      boolean after = i > 0 && terms.get(i - 1).word.length() >= 2 && TAKES_PERSON.contains(terms.get(i - 1).word);
      if (!before && !after) continue;
      int end = wordName(text, t.offset, byStart, false);
      if (end == t.offset + t.word.length()) out.add(new Span(t.offset, end, PiiType.PERSON, 0.6, "cn_name_slot"));
    }
  }

  /** A Han term HanLP tags as a proper-noun or name morpheme ({@code nz}, {@code ng}, {@code nr}). */
  private static boolean properMorpheme(Term t) {
    if (t.nature == null || !isHan(t.word.charAt(0))) return false;
    String n = t.nature.toString();
    return n.equals("nz") || n.equals("ng") || n.equals("nr");
  }

  /**
   * A one-character term HanLP tagged as a surname ({@code nr}) followed by a one- or two-character
   * noun that ends in a common given-name character and then a word boundary ("隗/nr 海燕/n 。"):
   * the two together are a name, although the given name is also a word.
   */
  private static void addSurnameThenWordName(String text, List<Term> terms, List<Span> out) {
    for (int i = 0; i + 1 < terms.size(); i++) {
      Term sur = terms.get(i);
      Term given = terms.get(i + 1);
      if (sur.word.length() != 1 || sur.nature == null || !sur.nature.toString().equals("nr") || sur.offset < 0) continue;
      if (ChineseNames.surnameAt(sur.word, 0) != 1 || given.offset != sur.offset + 1 || given.nature == null) continue;
      if (given.word.length() > 2 || !allHan(given.word)) continue;
      String n = given.nature.toString();
      if (!n.equals("n") && !n.equals("nz") && !n.equals("ng") && !n.equals("a")) continue;
      char last = given.word.charAt(given.word.length() - 1);
      if (ChineseNames.GIVEN_LIKELY.indexOf(last) < 0 || NOUN_SUFFIX.indexOf(last) >= 0) continue;
      int end = given.offset + given.word.length();
      if (!ends(text, end) && (i + 2 >= terms.size() || !functionWord(terms.get(i + 2)))) continue;
      out.add(new Span(sur.offset, end, PiiType.PERSON, 0.6, "hanlp_nr"));
    }
  }

  /**
   * A verb that takes a person which HanLP glued to the surname after it and tagged as a name
   * ("谢谢季/nr 晓明/nz 老师"): the name starts after the verb and ends as {@link #nameEnd} says.
   */
  private static void addGluedToVerb(String text, List<Term> terms, Map<Integer, Term> byStart, List<Span> out) {
    for (Term t : terms) {
      if (t.nature == null || !t.nature.toString().startsWith("nr") || t.offset < 0 || t.word.length() < 3) continue;
      for (int v = 2; v <= 3 && v < t.word.length(); v++) {
        if (!TAKES_PERSON.contains(t.word.substring(0, v))) continue;
        int p = t.offset + v;
        if (ChineseNames.surnameAt(text, p) != t.word.length() - v) continue;
        int end = nameEnd(text, p, byStart);
        if (end > p + t.word.length() - v) out.add(new Span(p, end, PiiType.PERSON, 0.6, "cn_name_verb"));
      }
    }
  }

  /** Characters after 小 that make a word or a form of address rather than a given name (小姐、小时、小区、小孩). */
  private static final String NOT_LITTLE_NAME = "姐哥弟妹伙孩朋友时组区学型号票费心事吃说声数量步写品份米麦结";
  /** Common surnames: 小 + a surname is a form of address ("小李", "小张"), not a given name. */
  private static final String COMMON_SURNAMES = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊孟秦邱侯江尹薛闫段雷黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔常汤康易乔赖";

  /**
   * Surname + 小 + one character, the common given-name form HanLP leaves in pieces ("詹/小/飞/的"),
   * ending at a boundary; and a nickname 小 + one character right after a role noun ("客服小雨为您服务").
   */
  private static void addLittleName(String text, List<Term> terms, Map<Integer, Term> byStart, List<Span> out) {
    for (int i = 0; i + 2 < terms.size(); i++) {
      Term sur = terms.get(i);
      Term little = terms.get(i + 1);
      Term given = terms.get(i + 2);
      if (!little.word.equals("小") || sur.offset < 0 || given.offset < 0) continue;
      if (sur.word.length() != 1 || ChineseNames.surnameAt(sur.word, 0) != 1 || functionWord(sur)) continue;
      if (given.word.length() != 1 || !littleGiven(text, given.offset)) continue;
      out.add(new Span(sur.offset, given.offset + 1, PiiType.PERSON, 0.6, "cn_name_little"));
    }
    for (Term t : terms) {
      if (t.offset < 0) continue;
      int b = t.offset + t.word.length();
      if (b + 2 > text.length() || text.charAt(b) != '小' || !endsWithRole(text, b, 0)) continue;
      Term nick = byStart.get(b);
      if (nick == null || nick.word.length() > 2 || !littleGiven(text, b + 1)) continue;
      if (nick.word.length() == 1 && !byStart.containsKey(b + 1)) continue;
      out.add(new Span(b, b + 2, PiiType.PERSON, 0.6, "cn_name_little"));
    }
  }

  /** Whether the character at {@code g} can be the one given character after 小, with a boundary after it. */
  private static boolean littleGiven(String text, int g) {
    char c = text.charAt(g);
    if (!nameChar(c) || NOUN_SUFFIX.indexOf(c) >= 0 || NOT_LITTLE_NAME.indexOf(c) >= 0
        || COMMON_SURNAMES.indexOf(c) >= 0) return false;
    return ends(text, g + 1);
  }

  /**
   * Names right after a role noun that ends a word ("项目经理" ends with 经理; "老师傅" is not 老师 + 傅),
   * or that HanLP glued to the name's first character ("快递/员孙/nr"). Word lookups, no pattern scan.
   */
  private static void addAfterRoles(String text, List<Term> terms, Map<Integer, Term> byStart, List<Span> out) {
    for (Term t : terms) {
      if (t.offset < 0 || t.offset + t.word.length() > text.length()) continue;
      int p = -1;
      int b = t.offset + t.word.length();
      if (endsWithRole(text, b, 0) || occupation(t)) p = b;
      else if (t.word.length() >= 2 && t.nature != null && t.nature.toString().startsWith("nr") && endsWithRole(text, t.offset + 1, t.offset)) {
        p = t.offset + 1;
      }
      if (p < 0) continue;
      int end = nameEnd(text, p, byStart);
      if (end > 0) out.add(new Span(p, end, PiiType.PERSON, 0.7, "cn_name_role"));
      else if ((end = wordName(text, p, byStart, false)) > 0) out.add(new Span(p, end, PiiType.PERSON, 0.6, "cn_name_role"));
    }
  }

  /** A term HanLP tags as an occupation or title noun ({@code nnt}, {@code nnd}: 骑手、副总理、法官). */
  private static boolean occupation(Term t) {
    if (t.nature == null || t.word.length() < 2 || !allHan(t.word)) return false;
    String n = t.nature.toString();
    return n.equals("nnt") || n.equals("nnd");
  }

  /** Whether a role noun ends at {@code b} (and, when {@code crossing} > 0, starts before {@code crossing}). */
  private static boolean endsWithRole(String text, int b, int crossing) {
    if (b < 2 || ROLE_LAST.indexOf(text.charAt(b - 1)) < 0) return false;
    for (int k = 2; k <= 6 && k <= b; k++) {
      if (crossing > 0 && b - k >= crossing) continue;
      if (ROLE_WORDS.contains(text.substring(b - k, b))) return true;
    }
    return false;
  }

  /**
   * A name after a form of address that opens a letter or message (亲爱的、尊敬的、致): the address must
   * start and end on word boundaries ("导致" is no 致), and the name must have a name's shape.
   */
  private static void addAddressed(String text, Map<Integer, Term> byStart, List<Span> out) {
    Matcher m = ADDRESSED.matcher(text);
    while (m.find()) {
      if (!byStart.containsKey(m.start()) || !byStart.containsKey(m.end())) continue;
      if (m.group().equals("致") && m.start() > 0 && isHan(text.charAt(m.start() - 1))
          && CuedChineseNameRecognizer.STOP.indexOf(text.charAt(m.start() - 1)) < 0) {
        continue; // 致 opens a letter at the start or after punctuation
      }
      int end = nameEnd(text, m.end(), byStart);
      if (end < 0) end = wordName(text, m.end(), byStart, false);
      if (end > 0) out.add(new Span(m.end(), end, PiiType.PERSON, 0.65, "cn_name_cue"));
    }
  }

  /** "张三：好的" in a chat log: a whole name before the colon. */
  private static void addSpeakers(String text, Map<Integer, Term> byStart, List<Span> out) {
    Matcher m = SPEAKER.matcher(text);
    while (m.find()) {
      int p = m.start(1);
      if (!byStart.containsKey(p)) continue;
      int end = nameEnd(text, p, byStart);
      if (end < 0) end = wordName(text, p, byStart, false);
      if (end == m.end(1)) out.add(new Span(p, end, PiiType.PERSON, 0.65, "cn_name_speaker"));
    }
  }

  /** A full name right before a title ("请章子琪同学到办公室"): the longest name shape that starts on a word boundary. */
  private static void addTitled(String text, Map<Integer, Term> byStart, List<Span> out) {
    Matcher m = TITLE_SUFFIX.matcher(text);
    while (m.find()) {
      int t = m.start();
      for (int len = 4; len >= 2; len--) {
        int p = t - len;
        if (p < 0 || !byStart.containsKey(p)) continue;
        int sur = ChineseNames.surnameAt(text, p);
        if (sur == 0 || len - sur < 1 || len - sur > 2) continue;
        if (nameEnd(text, p, byStart) == t || splitThreeCharacterName(text, p, t, sur, byStart) || wordName(text, p, byStart, true) == t) {
          out.add(new Span(p, t, PiiType.PERSON, 0.65, "cn_name_title"));
          break;
        }
      }
    }
  }

  /** Whether a one-character term is a function word or a full verb, which a name does not take in. */
  static boolean functionWord(Term t) {
    if (t.word.length() != 1 || t.nature == null) return false;
    String n = t.nature.toString();
    if (n.startsWith("v")) return !n.equals("vg");
    return n.startsWith("d") || n.startsWith("p") || n.startsWith("c") || n.startsWith("u") || n.startsWith("r")
        || n.startsWith("m") || n.startsWith("q") || n.startsWith("f") || n.startsWith("t") || n.startsWith("y")
        || n.startsWith("e") || n.startsWith("w");
  }


  /**
   * Names listed beside a found name ("张三、李四和王五"): each neighbour across a list separator that
   * has a name's shape becomes a name too.
   */
  private static void addListed(String text, Map<Integer, Term> byStart, List<Span> out) {
    List<Span> found = new ArrayList<>(out);
    java.util.Set<Integer> starts = new java.util.HashSet<>();
    for (Span s : found) starts.add(s.start());
    for (int k = 0; k < found.size(); k++) {
      Span s = found.get(k);
      // forward: 张三、李四
      Matcher sep = LIST_SEP.matcher(text);
      sep.region(s.end(), text.length());
      if (sep.lookingAt() && byStart.containsKey(sep.end()) && !starts.contains(sep.end())) {
        int end = nameEnd(text, sep.end(), byStart);
        if (end > 0) {
          Span n = new Span(sep.end(), end, PiiType.PERSON, 0.65, "cn_name_list");
          found.add(n);
          out.add(n);
          starts.add(n.start());
        }
      }
      // backward: 李四、张三 where 张三 was found; the neighbour starts after punctuation or a non-Han character
      if (s.start() >= 1 && LIST_SEP.matcher(text.substring(s.start() - 1, s.start())).matches()) {
        for (int len = 4; len >= 2; len--) {
          int b = s.start() - 1 - len;
          if (b < 0 || starts.contains(b)) continue;
          if (b > 0 && nameChar(text.charAt(b - 1))) continue;
          if (!byStart.containsKey(b)) continue;
          if (nameEnd(text, b, byStart) == s.start() - 1) {
            Span n = new Span(b, s.start() - 1, PiiType.PERSON, 0.65, "cn_name_list");
            out.add(n);
            starts.add(b);
            break;
          }
        }
      }
    }
  }

  /**
   * Where a name that starts at {@code p} ends: a known surname, then one or two Han given-name
   * characters, ending at a word boundary of the segmentation; -1 when there is no such name (no
   * surname, a title right after the surname, or the characters form a dictionary word).
   */
  /**
   * A dictionary word that is also a name ("高峰", "白雪", "宁静"), accepted only where the context
   * already says a name comes (after a role noun, before a title, as a chat speaker): a surname, one
   * or two more characters the last of which is a common given-name character, a noun (an adjective
   * only before a title: "同学安静" is no name), not a place, a time word or a verb, and a word
   * boundary after it. The end, or -1.
   */
  static int wordName(String text, int p, Map<Integer, Term> byStart, boolean adjectives) {
    int sur = ChineseNames.surnameAt(text, p);
    Term t = byStart.get(p);
    if (sur == 0 || t == null || t.nature == null || t.word.length() <= sur || t.word.length() > sur + 2 || !allHan(t.word)) return -1;
    String n = t.nature.toString();
    boolean nounOrAdjective = (n.startsWith("n") && !n.startsWith("ns") && !n.startsWith("nt") && !n.startsWith("nis")
        && !n.startsWith("nnt") && !n.startsWith("nx") && !n.startsWith("nf")) || (adjectives && (n.equals("a") || n.equals("an")));
    if (!nounOrAdjective) return -1;
    int e = p + t.word.length();
    char last = text.charAt(e - 1);
    if (ChineseNames.GIVEN_LIKELY.indexOf(last) < 0 || NOUN_SUFFIX.indexOf(last) >= 0) return -1;
    Matcher title = TITLE_AFTER.matcher(text);
    title.region(p + sur, text.length());
    if (title.lookingAt()) return -1;
    Term next = byStart.get(e);
    if (e < text.length() && isHan(text.charAt(e)) && next == null) return -1;
    return e;
  }

  static int nameEnd(String text, int p, Map<Integer, Term> byStart) {
    int e = nameEndShape(text, p, byStart);
    return e > 0 && NOUN_SUFFIX.indexOf(text.charAt(e - 1)) >= 0 ? -1 : e;
  }

  private static int nameEndShape(String text, int p, Map<Integer, Term> byStart) {
    int sur = ChineseNames.surnameAt(text, p);
    if (sur == 0) return -1;
    int g = p + sur;
    if (g >= text.length() || !nameChar(text.charAt(g))) return -1;
    int e = givenEnd(text, p, sur, byStart);
    if (e < 0) return -1;
    // a title that takes all the given characters ("王经理", "李总") leaves only a surname
    Matcher title = TITLE_AFTER.matcher(text);
    title.region(g, text.length());
    if (title.lookingAt() && title.end() >= e) return -1;
    return e;
  }

  private static int givenEnd(String text, int p, int sur, Map<Integer, Term> byStart) {
    int g = p + sur;
    Term givenWord = byStart.get(g);
    if (givenWord != null && givenWord.word.length() >= 2 && givenWord.nature != null) {
      // the characters after the surname form a time word, adverb, pronoun ... ("于/明天", "常/常常"): no name
      char n = givenWord.nature.toString().charAt(0);
      if ("tdpcrmqfuye".indexOf(n) >= 0) return -1;
    }
    Term t = byStart.get(p);
    if (t != null && t.word.length() > sur) {
      String nature = t.nature == null ? "" : t.nature.toString();
      if (!nature.startsWith("nr")) return -1; // a dictionary word that starts with a surname character (关系, 明天)
      if (t.word.length() > sur + 2 || !allHan(t.word)) return -1;
      int e = p + t.word.length();
      // HanLP cut the name one character short ("邓亚/nr 萍/nz"): take the next character when a boundary follows it
      Term next = byStart.get(e);
      if (t.word.length() == sur + 1 && next != null && next.word.length() == 1 && isHan(next.word.charAt(0))
          && !functionWord(next) && CuedChineseNameRecognizer.STOP.indexOf(next.word.charAt(0)) < 0
          && NOUN_SUFFIX.indexOf(next.word.charAt(0)) < 0 && ends(text, e + 1)) {
        return e + 1;
      }
      return e;
    }
    int e1 = g + 1;
    int e2 = g + 2;
    if (ends(text, e1)) return e1;
    if (ends(text, e2)) return e2;
    Term after1 = byStart.get(e1);
    if (after1 != null && after1.word.length() >= 2) return e1;
    if (byStart.containsKey(e2)) {
      Term mid = byStart.get(e1);
      // the given name must not swallow the start of a word
      if (mid == null || mid.word.length() == 1) return e2;
      return e1;
    }
    return -1;
  }

  private static boolean ends(String text, int i) {
    return i >= text.length() || !nameChar(text.charAt(i));
  }

  /**
   * HanLP sometimes stops one character short ("易建" of "易建联", "上官" of "上官婉儿"): a name of
   * surname plus at most one given character is extended by one Han character when a boundary
   * (a function word, punctuation, space or the end) follows that character.
   */
  static int extend(String text, int start, int end, int surname) {
    int given = end - start - surname;
    if (given == 0 && surname == 2) {
      // a compound surname alone ("上官"): take up to two given-name characters
      int e = end;
      while (e < text.length() && e - end < 2 && nameChar(text.charAt(e))) e++;
      return e;
    }
    if (given > 1 || end >= text.length()) return end;
    char c = text.charAt(end);
    if (!nameChar(c) || NOUN_SUFFIX.indexOf(c) >= 0) return end;
    if (end + 1 < text.length()) {
      char next = text.charAt(end + 1);
      if (nameChar(next)) return end;
    }
    return end + 1;
  }


  static boolean hasHan(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) return true;
      i += Character.charCount(cp);
    }
    return false;
  }

  static boolean allHan(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN && cp != '·' && cp != '•') return false;
      i += Character.charCount(cp);
    }
    return true;
  }
}
