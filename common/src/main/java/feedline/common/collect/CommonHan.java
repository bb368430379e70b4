package feedline.common.collect;

import java.util.BitSet;

/**
 * The most frequent Chinese characters, simplified and traditional. Correctly decoded Chinese text
 * is dense in them; GB18030 bytes read as Big5 (or the reverse) give mostly rare characters.
 */
final class CommonHan {
  private static final String CHARS =
      "的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其里所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面又定见只主没公从知使把部意"
      + "这里用电话号码请问医生病情况治疗药物检查身体健康患者建议可以需要注意饮食医院时候问题因为所以如果但是已经现在没有什么怎么一下一些工作公司服务客户订单产品价格"
      + "們來說國時會後對過發無麼經當與學進種將還見從實現長東點開問間機關樣電員話體網頁動應該寫區記錄書買賣錢帳號碼請醫療藥檢查議飲為個這裡"
      + "年月日期地址姓名先生女士朋友老师学生孩子父母家庭城市北京上海广州深圳中国人民政府社会经济发展文化教育科学技术信息系统数据模型训练语言文本"
      + "年月日期地址姓名先生女士朋友老師學生孩子父母家庭城市北京上海廣州深圳中國人民政府社會經濟發展文化教育科學技術資訊系統數據模型訓練語言文本"
      + "高最很更新重长明问正通全合各表给常提本想点间实两理手意力特比边气性因内度把并情外没并系才业少等被太山水老头少海月放目向感教期真打信直回路"
      + "高最很更新重長明問正通全合各表給常提本想點間實兩理手意力特比邊氣性因內度把並情外沒並系才業少等被太山水老頭少海月放目向感教期真打信直回路";

  private static final BitSet SET = new BitSet(0x10000);

  static {
    for (int i = 0; i < CHARS.length(); i++) SET.set(CHARS.charAt(i));
  }

  private CommonHan() {}

  static boolean isCommon(char c) {
    return SET.get(c);
  }
}
