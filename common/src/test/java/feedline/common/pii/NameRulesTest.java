package feedline.common.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The context rules for names: Chinese role nouns and lists, English greetings, sign-offs and introductions. */
class NameRulesTest {
  private static final Recognizer CN = new ChinesePersonRecognizer();
  private static final Recognizer EN = new EnglishPersonRecognizer();

  private static List<String> values(Recognizer r, String text) {
    return r.find(text).stream().map(s -> s.valueIn(text)).distinct().toList();
  }

  private static List<String> by(Recognizer r, String text, String recognizer) {
    return r.find(text).stream().filter(s -> s.recognizer().equals(recognizer)).map(s -> s.valueIn(text)).toList();
  }

  @Test
  void chineseNameAfterRoleNoun() {
    assertThat(values(CN, "请联系财务吴欣怡开发票。")).containsExactly("吴欣怡");
    assertThat(values(CN, "快递员孙刚把包裹放门口了。")).containsExactly("孙刚");
    assertThat(by(CN, "项目经理黄志伟负责这个项目。", "cn_name_role")).containsExactly("黄志伟");
    assertThat(by(CN, "外卖员欧阳春把餐放在前台。", "cn_name_role")).containsExactly("欧阳春");
  }

  @Test
  void roleNounLookAlikesGiveNoName() {
    assertThat(values(CN, "我们同事关系很好。")).isEmpty(); // 关系 is a word, not 关 + 系
    assertThat(values(CN, "老师傅说这台机器该换了。")).isEmpty(); // 老师傅 is not 老师 + 傅
    assertThat(values(CN, "王经理说明天开会。")).isEmpty(); // surname + title
    assertThat(values(CN, "邻居王阿姨送来了饺子。")).isEmpty();
    assertThat(values(CN, "班主任李老师今天请假。")).isEmpty();
    assertThat(values(CN, "医生嘱咐我多喝水，司机师傅开得很稳。")).isEmpty();
  }

  @Test
  void hanlpNameIsNotExtendedOverAVerb() {
    assertThat(values(CN, "会计师詹小雨核对了账目，出纳闫峰签了字。")).contains("闫峰").doesNotContain("闫峰签");
    assertThat(values(CN, "易建联和姚明去打球。")).containsExactly("易建联", "姚明");
  }

  @Test
  void compoundAndLessFrequentSurnames() {
    assertThat(ChineseNames.surnameAt("澹台明月", 0)).isEqualTo(2);
    assertThat(ChineseNames.surnameAt("万俟雪", 0)).isEqualTo(2);
    assertThat(ChineseNames.surnameAt("禤文", 0)).isEqualTo(1);
    assertThat(ChineseNames.surnameAt("的确", 0)).isZero();
    assertThat(values(CN, "律师澹台明月已签字。")).containsExactly("澹台明月");
  }

  @Test
  void chineseSpeakersTitlesAndCuesOnWordBoundaries() {
    assertThat(values(CN, "范冰：明天开会。贾玲玲：收到。")).containsExactly("范冰", "贾玲玲");
    assertThat(by(CN, "金额：500元，周一：开会，方法：先洗手", "cn_name_speaker")).isEmpty();
    assertThat(values(CN, "请章子琪同学到办公室来一下。")).containsExactly("章子琪");
    assertThat(values(CN, "高一班同学集合，请全班同学安静。")).isEmpty();
    assertThat(values(CN, "本人岳鹏自愿放弃该职位。")).containsExactly("岳鹏");
    assertThat(values(CN, "收款人：巩俐华，开户行：中国银行。")).containsExactly("巩俐华");
    assertThat(values(CN, "审核人：甘露　日期：2024-06-01")).containsExactly("甘露");
    assertThat(values(CN, "@滕丽丽 明天记得带合同。")).containsExactly("滕丽丽");
  }

  @Test
  void chineseNameBoundaryRepairs() {
    assertThat(values(CN, "这件事是裴东来负责的。")).containsExactly("裴东来"); // 来 ends the name, it is no function word here
    assertThat(values(CN, "报道称，谭家明将出任首席执行官。")).containsExactly("谭家明"); // 家 inside a name
    assertThat(values(CN, "曹操墓的考古发掘工作已经完成。")).containsExactly("曹操");
    assertThat(values(CN, "韩式炸鸡配啤酒。")).isEmpty();
    assertThat(values(CN, "谢谢季晓明老师的耐心指导！")).doesNotContain("谢谢季");
  }

  @Test
  void englishGreetingsSignOffsAndIntroductions() {
    assertThat(values(EN, "Dear Anneke, thanks for the quick reply.")).containsExactly("Anneke");
    assertThat(values(EN, "Best regards, Tobiah Quennell")).containsExactly("Tobiah Quennell");
    assertThat(values(EN, "My name is Ifeoma Chukwu and I need help.")).containsExactly("Ifeoma Chukwu");
    assertThat(values(EN, "I am Rasmus Holt from the audit team.")).containsExactly("Rasmus Holt");
    assertThat(values(EN, "From: Ottilie Brandt <ob@example.com>")).containsExactly("Ottilie Brandt");
    assertThat(values(EN, "Esperanza Quiroga told reporters the vote was close.")).containsExactly("Esperanza Quiroga");
    assertThat(values(EN, "Emily Quiroga said the vote was close.")).containsExactly("Emily Quiroga");
    assertThat(values(EN, "Posted by Kaito Mori on Monday.")).containsExactly("Kaito Mori");
    assertThat(values(EN, "We interviewed Zoë Brennan and José Álvarez today.")).containsExactlyInAnyOrder("Zoë Brennan", "José Álvarez");
  }

  @Test
  void wordNamesOnlyWhereTheContextAsksForAName() {
    assertThat(values(CN, "经理高峰今天请假了。")).containsExactly("高峰");
    assertThat(values(CN, "请宁静同学回答。")).containsExactly("宁静");
    assertThat(values(CN, "高峰：收到")).containsExactly("高峰");
    // a word after a role noun that is no name: wrong word class, or no given-name character at its end
    assertThat(values(CN, "司机马路边停车。老师明白了。客服方面已经处理。会计金额算错了。邻居黄金周去旅游了。")).isEmpty();
    assertThat(values(CN, "金额：500元。周一：开会。高峰期拥堵。")).isEmpty();
  }

  @Test
  void namesAfterAFormOfAddress() {
    assertThat(values(CN, "亲爱的尚雨桐，生日快乐！")).containsExactly("尚雨桐");
    assertThat(values(CN, "致郎平安：感谢您的来信。")).containsExactly("郎平安");
    assertThat(values(CN, "吸烟导致高血压。致全体员工的一封信。亲爱的同学们，大家好。尊敬的王总：")).isEmpty();
  }

  @Test
  void namesJoinedByAMiddleDot() {
    String t = "参赛选手约翰·史密斯来自英国。";
    assertThat(values(CN, t)).contains("约翰·史密斯");
    PiiDetector persons = PiiDetector.standard(java.util.EnumSet.of(PiiType.PERSON), 0.5);
    assertThat(persons.detect(t)).extracting(s -> s.valueIn(t)).containsExactly("约翰·史密斯");
    assertThat(values(CN, "2024中国·上海国际车展开幕。")).isEmpty();
  }

  @Test
  void surnameMorphemeThenProperNounPiece() {
    assertThat(values(CN, "邢雅琪签字确认了合同条款。")).containsExactly("邢雅琪"); // 邢/nz 雅琪/nz
    assertThat(values(CN, "昨晚聂海涛加班到十点才回家。")).containsExactly("聂海涛");
    assertThat(values(CN, "苏绣和湘绣都是著名的刺绣流派。周末去万达看电影吧。")).isEmpty();
  }

  @Test
  void chineseNameInPiecesAfterAVerbThatTakesAPerson() {
    assertThat(values(CN, "请把文件交给韦小宝。")).containsExactly("韦小宝");
    assertThat(values(CN, "他被邵伟推荐到了总部工作。")).containsExactly("邵伟");
    assertThat(values(CN, "他被车撞了。请于明天前提交。跟单员明天到岗。老李和小张是好朋友。")).isEmpty();
  }

  @Test
  void englishObjectsListsAndWeakVerbs() {
    assertThat(values(EN, "The committee thanked Rosalind Achebe, Tomoko Hayashi and Gareth Pryce."))
        .containsExactlyInAnyOrder("Rosalind Achebe", "Tomoko Hayashi", "Gareth Pryce");
    assertThat(values(EN, "Thanks Gwen!")).containsExactly("Gwen");
    assertThat(values(EN, "According to Marisol Vega, the deal is off.")).containsExactly("Marisol Vega");
    // "said" is shared with organisations: only with a listed given name or surname
    assertThat(values(EN, "Goldman Sachs said rates would stay high.")).isEmpty();
    assertThat(values(EN, "Cheers, Mate")).isEmpty();
  }

  @Test
  void englishContextLookAlikesGiveNoName() {
    assertThat(values(EN, "Hi all, the build is green.")).isEmpty();
    assertThat(values(EN, "Dear Customer, your order has shipped.")).isEmpty();
    assertThat(values(EN, "Thanks, Support Team")).isEmpty();
    assertThat(values(EN, "This is Apple's new phone.")).isEmpty();
    assertThat(values(EN, "Company name: Acme Widgets")).isEmpty();
    assertThat(values(EN, "Microsoft Teams announced a new feature.")).isEmpty();
    assertThat(values(EN, "New York and New Jersey agreed to share costs.")).isEmpty();
    assertThat(values(EN, "The Golden Gate Bridge was closed.")).isEmpty();
  }

  @Test
  void nameGluedToAVerbByTheSegmenter() {
    assertThat(by(CN, "谢谢季晓明老师的耐心指导！", "cn_name_verb")).containsExactly("季晓明");
    assertThat(values(CN, "谢谢大家的耐心指导！")).isEmpty();
  }

  @Test
  void surnamePlusLittlePlusOneCharacter() {
    assertThat(by(CN, "转发自詹小飞的朋友圈。", "cn_name_little")).containsExactly("詹小飞");
    assertThat(values(CN, "他从小就喜欢画画。")).isEmpty();
    assertThat(values(CN, "这个房间太小了。")).isEmpty();
    assertThat(values(CN, "声音很小，听不清。")).isEmpty();
  }

  @Test
  void nicknameAfterRoleNoun() {
    assertThat(by(CN, "客服小雨为您服务。", "cn_name_little")).containsExactly("小雨");
    // a title, a noun or 小 + a surname (a form of address) is no nickname
    assertThat(values(CN, "客服小姐说明天到。")).isEmpty();
    assertThat(values(CN, "我们的客服小组很忙。")).isEmpty();
    assertThat(values(CN, "老师小结了一下。")).isEmpty();
    assertThat(by(CN, "店员小李说没货了。", "cn_name_little")).isEmpty();
  }

  @Test
  void widerNameListsOnlyBeforeSharedVerbs() {
    assertThat(values(EN, "Callum Fraser said the deadline would slip.")).containsExactly("Callum Fraser");
    assertThat(values(EN, "Ayesha Siddiqui joined the company in 2019.")).containsExactly("Ayesha Siddiqui");
    // organisation head words and unlisted pairs stay out; a wide-list name without the verb is not taken
    assertThat(values(EN, "Rhett Capital said profits rose.")).isEmpty();
    assertThat(values(EN, "Goldman Sachs said profits rose.")).isEmpty();
    assertThat(values(EN, "The Callum Fraser Award is given each year.")).isEmpty();
  }

  @Test
  void surnameTermBeforeAWordThatIsAGivenName() {
    assertThat(values(CN, "这次比赛的冠军是隗海燕。")).containsExactly("隗海燕");
    // a word that is a name only after a surname HanLP tagged as one
    assertThat(values(CN, "今天的天气很好，白雪覆盖了山头。")).isEmpty();
    assertThat(values(CN, "高峰期地铁很挤。")).isEmpty();
  }

  @Test
  void nameCutShortBeforeALoneProperMorpheme() {
    assertThat(values(CN, "这是翁美玲生前最后一部作品。")).containsExactly("翁美玲");
  }

  @Test
  void occupationNounsTaggedByHanlpTakeAName() {
    assertThat(by(CN, "亲，您的订单已由骑手龙飞派送。", "cn_name_role")).containsExactly("龙飞");
    assertThat(values(CN, "骑手高度重视食品安全。")).isEmpty();
    assertThat(values(CN, "记者白天采访了多位村民。")).isEmpty();
    assertThat(values(CN, "这位工程师宁可加班也不愿意出错。")).isEmpty();
  }

  @Test
  void surnamesHanlpCountsAsSurnames() {
    assertThat(values(CN, "赖文峰同志任党委书记。")).containsExactly("赖文峰");
    assertThat(ChineseNames.surnameAt("洪", 0)).isEqualTo(1);
    assertThat(ChineseNames.surnameAt("傅", 0)).isEqualTo(1);
  }

  @Test
  void transliteratedSurnameThatIsAlsoAPlace() {
    assertThat(by(CN, "玛丽亚·加西亚来自西班牙。", "hanlp_nr")).contains("玛丽亚·加西亚");
    assertThat(values(CN, "我们从巴黎·纽约一路玩过来。")).isEmpty();
  }

  @Test
  void wordNameInAPersonSlot() {
    assertThat(by(CN, "高峰说明天的会议取消了。", "cn_name_slot")).containsExactly("高峰");
    assertThat(by(CN, "我已经把报告交给白雪了。", "cn_name_slot")).containsExactly("白雪");
    assertThat(by(CN, "请通知高峰明天八点到。", "cn_name_slot")).containsExactly("高峰");
    // the same words outside such a slot stay words
    assertThat(values(CN, "高峰期间请错峰出行。")).isEmpty();
    assertThat(values(CN, "山顶的白雪还没有化。")).isEmpty();
    assertThat(values(CN, "四周一片宁静。")).isEmpty();
  }

  @Test
  void wordNameBeforeWhatAPersonHas() {
    assertThat(by(CN, "白雪的手机号是多少？", "cn_name_slot")).containsExactly("白雪");
    assertThat(by(CN, "高峰的妈妈来学校了。", "cn_name_slot")).containsExactly("高峰");
    assertThat(values(CN, "白雪的颜色很纯。")).isEmpty();
    assertThat(values(CN, "高峰的时候人很多。")).isEmpty();
  }
}
