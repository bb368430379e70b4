package feedline.common.pii;

import java.util.List;
import java.util.Set;

/** Common Chinese surnames (single and compound), for cue-based name rules and surrogate names. */
final class ChineseNames {
  static final List<String> COMPOUND = List.of("欧阳", "司马", "诸葛", "上官", "东方", "慕容", "皇甫", "令狐", "夏侯",
      "尉迟", "公孙", "长孙", "宇文", "司徒", "端木", "西门", "南宫", "独孤", "轩辕", "呼延",
      "万俟", "闻人", "赫连", "澹台", "公冶", "宗政", "濮阳", "太叔", "申屠", "钟离", "拓跋", "百里", "东郭", "公羊",
      "左丘", "梁丘", "乐正", "巫马", "羊舌", "司空", "司寇", "亓官", "颛孙", "漆雕", "谷梁", "宰父", "夹谷", "范姜", "张简");
  static final String SINGLE = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
      + "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢"
      + "安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙"
      + "鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇"
      + "栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
      // less frequent surnames that are rarely ordinary words
      + "萧阎禤钮冼谈戈竺晁逯扈蔺厉芮郦贲宓亓阚茅帅钭仝况郜訾隗粟庹练邴闻危宣贝韶植靖储羊匡弓牧隆郗仰伊戎祖贡劳逄"
      + "扶濮寿冀燕慕茹宦庾暨衡弘阙殳蔚夔厍勾鞠巢蒯荆权揭暴晋雒薄湛竹邰璩嵇邸糜汝滑强栗楚"
      // surnames HanLP's person-role dictionary counts mostly as surnames (role B) that the lists above lacked
      + "洪傅朴赖狄奚屠谌丘习郁廉裘辜鄢昝恽胥禹";
  static final Set<Character> SINGLE_SET;
  static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文辉力永健世广海晓云飞鹏宇浩然子轩"
      + "欣怡梓涵雨婷佳琪思远嘉俊博文一鸣梦瑶雅琳诗晨阳泽宏丹凤春燕慧颖婉清淑珍德福寿贵";

  /** Characters common at the end of a given name: a plausibility test for names that are also words. */
  static final String GIVEN_LIKELY = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建志文辉力永健广海晓云飞鹏宇浩然轩"
      + "欣怡涵雨婷佳琪思远嘉俊博鸣梦瑶雅琳诗晨阳泽宏丹凤春燕慧颖婉清淑珍德福寿贵峰雪倩晶璐露悦鑫淼森彬斌昊睿哲凯宁波亮航琦瑞"
      + "蕾薇莉莎菲妍娇婕媛璇蓉芸茜娅琴瑜馨楠萌蕊洁琼莹坤鹤松柏梅菊莲冰霜虹霖澜溪翔腾龙彪威毅勤诚忠仁义智宾斌翠琛璐";

  static {
    java.util.HashSet<Character> s = new java.util.HashSet<>();
    for (char c : SINGLE.toCharArray()) s.add(c);
    SINGLE_SET = Set.copyOf(s);
  }

  private ChineseNames() {}

  /** The length of the surname at {@code i} in {@code text} (2 for a compound, 1 for a single one), or 0. */
  static int surnameAt(String text, int i) {
    for (String c : COMPOUND) {
      if (text.startsWith(c, i)) return 2;
    }
    return i < text.length() && SINGLE_SET.contains(text.charAt(i)) ? 1 : 0;
  }
}
