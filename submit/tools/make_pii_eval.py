#!/usr/bin/env python3
"""Writes the labeled PII evaluation set used by `feedline redact-eval`.

One document per line; gold spans are written inline as [[TYPE|value]] (the evaluator strips the
markup and computes offsets). Values are synthetic but valid where a checksum exists (GB 11643,
Luhn, IBAN mod 97, Base58Check, bech32). Lines without markup are look-alike negatives: order and
tracking numbers, doses, lab values, dates, prices, versions, barcodes. Deterministic (seeded).
Usage: python3 submit/tools/make_pii_eval.py > common/src/main/resources/feedline/pii/eval/pii_eval.txt
"""
import hashlib
import random

R = random.Random(20261130)

# ---- checksummed values -------------------------------------------------------------------
def gb11643(body):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(c) * x for c, x in zip(body, w)) % 11]

REGIONS = ["110101", "110105", "310104", "310115", "440106", "440305", "330106", "320102", "510104",
           "420106", "610113", "500103", "370202", "210102", "430104", "350203"]

def cn_id():
    body = R.choice(REGIONS) + "%04d%02d%02d" % (R.randint(1950, 2005), R.randint(1, 12), R.randint(1, 28)) + "%03d" % R.randint(0, 999)
    return body + gb11643(body)

def luhn_complete(body):
    for c in "0123456789":
        s, dbl = 0, False
        for ch in reversed(body + c):
            d = int(ch)
            if dbl:
                d *= 2
                if d > 9:
                    d -= 9
            s += d
            dbl = not dbl
        if s % 10 == 0:
            return body + c

def card():
    kind = R.choice(["unionpay", "unionpay", "visa", "visa", "mc", "amex", "jcb", "discover"])
    if kind == "unionpay":
        pre, n = R.choice(["6212", "6222", "6228", "6217", "6225"]), R.choice([16, 19])
    elif kind == "visa":
        pre, n = "4" + str(R.randint(0, 9)), 16
    elif kind == "mc":
        pre, n = str(R.randint(51, 55)), 16
    elif kind == "amex":
        pre, n = R.choice(["34", "37"]), 15
    elif kind == "jcb":
        pre, n = "35" + str(R.randint(28, 89)), 16
    else:
        pre, n = "6011", 16
    body = pre + "".join(str(R.randint(0, 9)) for _ in range(n - 1 - len(pre)))
    num = luhn_complete(body)
    style = R.choice(["plain", "space", "space", "dash"])
    if style == "plain":
        return num
    sep = " " if style == "space" else "-"
    if n == 15:
        return sep.join([num[:4], num[4:10], num[10:]])
    return sep.join(num[i:i + 4] for i in range(0, n, 4))

IBAN_SHAPES = {"GB": "AAAA" + "9" * 14, "DE": "9" * 18, "FR": "9" * 23, "ES": "9" * 20, "NL": "AAAA" + "9" * 10,
               "IT": "A" + "9" * 22, "CH": "9" * 17, "BE": "9" * 12}

def iban():
    cc = R.choice(list(IBAN_SHAPES))
    bban = "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") if c == "A" else str(R.randint(0, 9)) for c in IBAN_SHAPES[cc])
    num = "".join(str(int(ch, 36)) for ch in bban + cc + "00")
    check = 98 - int(num) % 97
    s = cc + "%02d" % check + bban
    if R.random() < 0.5:
        s = " ".join(s[i:i + 4] for i in range(0, len(s), 4))
    return s

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

def b58check(version, payload):
    raw = bytes([version]) + payload
    raw += hashlib.sha256(hashlib.sha256(raw).digest()).digest()[:4]
    n = int.from_bytes(raw, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    pad = len(raw) - len(raw.lstrip(b"\0"))
    return "1" * pad + out

BECH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

def polymod(values):
    gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]
    chk = 1
    for v in values:
        b = chk >> 25
        chk = (chk & 0x1ffffff) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if ((b >> i) & 1) else 0
    return chk

def bech32(hrp, prog):
    acc, bits, data = 0, 0, [0]
    for b in prog:
        acc = (acc << 8) | b
        bits += 8
        while bits >= 5:
            bits -= 5
            data.append((acc >> bits) & 31)
    if bits:
        data.append((acc << (5 - bits)) & 31)
    exp = [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp]
    pm = polymod(exp + data + [0] * 6) ^ 1
    return hrp + "1" + "".join(BECH[d] for d in data) + "".join(BECH[(pm >> 5 * (5 - i)) & 31] for i in range(6))

def btc():
    payload = bytes(R.randint(0, 255) for _ in range(20))
    k = R.random()
    if k < 0.4:
        return b58check(0, payload)
    if k < 0.6:
        return b58check(5, payload)
    return bech32("bc", payload)

def cn_mobile():
    pre = R.choice(["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156",
                    "157", "158", "159", "176", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "199"])
    n = pre + "".join(str(R.randint(0, 9)) for _ in range(8))
    style = R.random()
    if style < 0.4:
        return n
    if style < 0.6:
        return n[:3] + " " + n[3:7] + " " + n[7:]
    if style < 0.75:
        return n[:3] + "-" + n[3:7] + "-" + n[7:]
    if style < 0.9:
        return "+86 " + n
    return "+86-" + n[:3] + "-" + n[3:7] + "-" + n[7:]

def cn_landline():
    area, n = R.choice([("010", 8), ("021", 8), ("020", 8), ("0755", 8), ("0571", 8), ("028", 8), ("027", 8), ("025", 8)])
    local = str(R.randint(2, 8)) + "".join(str(R.randint(0, 9)) for _ in range(n - 1))
    return R.choice([area + "-" + local, area + local, "(" + area + ")" + local, area + " " + local])

def intl_phone():
    k = R.random()
    if k < 0.35:
        return "+44 20 7946 0" + "%03d" % R.randint(0, 999)
    if k < 0.7:
        area = R.choice(["212", "415", "646", "312", "617", "206"])
        ex = str(R.randint(2, 9)) + "%02d" % R.randint(0, 99)
        if ex[1:] == "11":
            ex = ex[0] + "23"
        last = "%04d" % R.randint(0, 9999)
        return R.choice(["(%s) %s-%s" % (area, ex, last), "%s-%s-%s" % (area, ex, last), "+1 %s %s %s" % (area, ex, last)])
    if k < 0.85:
        return "+49 30 " + "%08d" % R.randint(10000000, 99999999)
    return "+81 3 " + "%04d %04d" % (R.randint(1000, 9999), R.randint(1000, 9999))

def ipv4():
    return "%d.%d.%d.%d" % (R.choice([10, 172, 192, 203, 58, 114, 61]), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))

def ipv6():
    groups = ["%x" % R.randint(0, 0xffff) for _ in range(8)]
    k = R.random()
    if k < 0.5:
        return "2001:db8:" + ":".join(groups[2:4]) + "::" + groups[7]
    if k < 0.8:
        return ":".join(groups)
    return "fe80::" + ":".join(groups[4:])

FIRST = ["zhang", "li", "wang", "chen", "liu", "amy", "bob", "carol", "dave", "erin", "frank", "grace", "xiaoming", "lei"]
DOMAINS = ["example.com", "163.com", "qq.com", "gmail.com", "example.org", "company.cn", "sina.com.cn", "outlook.com"]
IDN_DOMAINS = ["例子.中国", "münchen.de", "bücher.example", "公司.香港", "españa.example.com"]

def email():
    k = R.random()
    local = R.choice(FIRST) + R.choice(["", ".", "_"]) + R.choice(FIRST + [str(R.randint(1, 999))])
    local = local.strip("._")
    if k < 0.8:
        return local + "@" + R.choice(DOMAINS)
    return local + "@" + R.choice(IDN_DOMAINS)

def url():
    host = R.choice(["www.example.com", "blog.example.org", "shop.example.cn", "docs.example.net", "example.com.cn"])
    path = R.choice(["", "/", "/user/" + str(R.randint(100, 99999)), "/a/b?id=" + str(R.randint(1, 999)), "/index.html", "/p/abc-123"])
    return R.choice(["https://", "http://", "https://", ""]) + (host if not host.startswith("www") else host) + path if True else ""

CN_NAMES = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄勇", "周杰", "吴婷", "徐明", "孙丽", "马超", "朱琳",
            "胡军", "郭涛", "何静", "高翔", "林峰", "罗敏", "郑爽", "梁晨", "谢娜", "宋佳", "唐嫣", "许晴", "韩雪", "冯巩",
            "邓超", "曹颖", "彭磊", "曾毅", "王建国", "李秀英", "张志强", "刘德明", "陈晓东", "杨丽华", "赵国庆", "黄晓燕",
            "周建华", "吴海波", "徐志刚", "孙桂兰", "马建军", "朱红梅", "胡春生", "郭建平", "何雪梅", "高志远", "林小红",
            "罗永浩", "郑晓明", "梁家辉", "谢霆锋", "宋小宝", "唐国强", "许文强", "韩梅梅", "冯小刚", "欧阳娜娜", "司马南",
            "诸葛亮明", "上官婉儿", "王思聪", "李佳琦", "张一鸣", "刘慈欣", "陈丹青", "杨振宁", "钱学森", "邓亚萍",
            "姚明", "易建联", "孙杨", "苏炳添", "谷爱凌", "全红婵", "潘展乐", "任正非"]
EN_NAMES = ["John Smith", "Emily Watson", "Michael Brown", "Sarah Johnson", "David Miller", "Jessica Davis",
            "James Wilson", "Laura Moore", "Robert Taylor", "Olivia Martin", "Daniel Clark", "Sophia Lewis",
            "Thomas Walker", "Emma Hall", "Mark Twain", "Grace Hopper", "Will Turner", "Rachel Green",
            "Kevin O'Brien", "Mary-Jane Watson", "Patrick McDonald", "Anna Schmidt", "Carlos Rodriguez",
            "Priya Sharma", "Kenji Tanaka", "Fatima Hassan", "Oliver Bennett", "Chloe Edwards", "Liam Murphy",
            "Siobhan Kelly", "Tobias Fischer", "Ngozi Okafor", "Aurelio Bianchi", "Freya Lindqvist", "Dmitri Volkov"]
EN_SINGLE = ["John", "Emily", "Sarah", "Michael", "Jessica", "Kevin", "Olivia", "Thomas"]

def plate():
    prov = R.choice("京沪粤浙苏川鄂湘鲁豫")
    letter = R.choice("ABCDEFGHJKLMN")
    if R.random() < 0.2:
        return prov + letter + R.choice("DF") + R.choice("ABCDEFGHJK0123456789") + "%04d" % R.randint(0, 9999)
    tail = "".join(R.choice("0123456789" * 3 + "ABCDEFGHJKLMN") for _ in range(5))
    if sum(c.isdigit() for c in tail) < 2:
        tail = "%05d" % R.randint(0, 99999)
    return prov + letter + tail

def passport():
    if R.random() < 0.6:
        return R.choice("EG") + "%08d" % R.randint(0, 99999999)
    return R.choice(["K", "P", "X", "AB", "CD"]) + "%07d" % R.randint(0, 9999999)

CN_ADDR = ["北京市朝阳区建国路88号", "上海市浦东新区世纪大道100号", "广东省深圳市南山区科技南路18号", "浙江省杭州市西湖区文三路90号",
           "四川省成都市武侯区人民南路四段12号", "江苏省南京市鼓楼区中山路321号", "湖北省武汉市洪山区珞喻路1037号",
           "广州市天河区天河路385号", "北京市海淀区中关村大街27号", "上海市徐汇区漕溪北路595号", "天津市和平区南京路189号",
           "重庆市渝中区解放碑民族路166号", "山东省青岛市市南区香港中路76号", "福建省厦门市思明区湖滨南路334号"]
EN_ADDR = ["221 Baker Street, London", "1600 Pennsylvania Avenue, Washington, DC 20500", "350 Fifth Avenue, New York, NY 10118",
           "42 Elm Street", "10 Downing Street, London", "1 Infinite Loop, Cupertino, CA 95014", "77 Massachusetts Avenue, Cambridge",
           "500 Oak Road, Apt 4B", "1234 Maple Drive, Springfield, IL 62704", "8 Rue Lane"]

def dob_cn():
    y, m, d = R.randint(1950, 2005), R.randint(1, 12), R.randint(1, 28)
    return R.choice(["%d年%d月%d日" % (y, m, d), "%d-%02d-%02d" % (y, m, d), "%d/%d/%d" % (y, m, d)])

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

def dob_en():
    y, m, d = R.randint(1950, 2005), R.randint(1, 12), R.randint(1, 28)
    return R.choice(["%s %d, %d" % (MONTHS[m - 1], d, y), "%d %s %d" % (d, MONTHS[m - 1], y), "%02d/%02d/%d" % (m, d, y), "%d-%02d-%02d" % (y, m, d)])

def g(t, v):
    return "[[%s|%s]]" % (t, v)

# ---- templates --------------------------------------------------------------------------
POS = [
    lambda: "请联系%s，电话%s。" % (g("PERSON", R.choice(CN_NAMES)), g("PHONE", cn_mobile())),
    lambda: "客户%s的手机号是%s，请尽快回电。" % (g("PERSON", R.choice(CN_NAMES)), g("PHONE", cn_mobile())),
    lambda: "我的手机%s，有事随时打给我。" % g("PHONE", cn_mobile()),
    lambda: "办公室座机%s，工作日9点到18点有人接听。" % g("PHONE", cn_landline()),
    lambda: "如有疑问请拨打客服热线 %s 。" % g("PHONE", cn_landline()),
    lambda: "Please call me at %s after 5pm." % g("PHONE", intl_phone()),
    lambda: "Contact %s on %s or by email at %s." % (g("PERSON", R.choice(EN_NAMES)), g("PHONE", intl_phone()), g("EMAIL", email())),
    lambda: "您的身份证号码%s已登记。" % g("ID_NUMBER", cn_id()),
    lambda: "申请人%s，身份证号：%s，住址：%s。" % (g("PERSON", R.choice(CN_NAMES)), g("ID_NUMBER", cn_id()), g("ADDRESS", R.choice(CN_ADDR))),
    lambda: "公民身份号码 %s 与姓名不符。" % g("ID_NUMBER", cn_id()),
    lambda: "退款将打到尾号对应的银行卡%s上。" % g("BANK_CARD", card()),
    lambda: "信用卡卡号：%s，有效期 08/27。" % g("BANK_CARD", card()),
    lambda: "Card number %s was declined." % g("BANK_CARD", card()),
    lambda: "I paid with my card %s yesterday." % g("BANK_CARD", card()),
    lambda: "Please transfer the deposit to IBAN %s by Friday." % g("IBAN", iban()),
    lambda: "收款账户 IBAN：%s，户名 %s。" % (g("IBAN", iban()), g("PERSON", R.choice(CN_NAMES))),
    lambda: "登录日志显示来自 %s 的异常访问。" % g("IP_ADDRESS", ipv4()),
    lambda: "The request came from %s and was blocked." % g("IP_ADDRESS", R.choice([ipv4(), ipv6()])),
    lambda: "服务器地址 %s 无法连接。" % g("IP_ADDRESS", ipv6()),
    lambda: "详情见 %s ，谢谢。" % g("URL", url()),
    lambda: "My profile is at %s if you want to check." % g("URL", url()),
    lambda: "请把比特币转到钱包地址 %s 。" % g("CRYPTO_ADDRESS", btc()),
    lambda: "Send 0.01 BTC to %s to unlock the file." % g("CRYPTO_ADDRESS", btc()),
    lambda: "邮箱：%s，欢迎来信。" % g("EMAIL", email()),
    lambda: "Write to %s for details." % g("EMAIL", email()),
    lambda: "%s昨天在会上发言，%s做了记录。" % (g("PERSON", R.choice(CN_NAMES)), g("PERSON", R.choice(CN_NAMES))),
    lambda: "患者%s，男，45岁，主诉头痛三天。" % g("PERSON", R.choice(CN_NAMES)),
    lambda: "感谢%s老师的耐心讲解。" % g("PERSON", R.choice(CN_NAMES)),
    lambda: "本文作者%s，现任研究员。" % g("PERSON", R.choice(CN_NAMES)),
    lambda: "%s和%s一起去了图书馆。" % (g("PERSON", R.choice(CN_NAMES)), g("PERSON", R.choice(CN_NAMES))),
    lambda: "联系人：%s 手机：%s" % (g("PERSON", R.choice(CN_NAMES)), g("PHONE", cn_mobile())),
    lambda: "Yesterday %s met %s to discuss the budget." % (g("PERSON", R.choice(EN_NAMES)), g("PERSON", R.choice(EN_NAMES))),
    lambda: "Dr. %s will see you at ten." % g("PERSON", R.choice(EN_NAMES).split()[-1]),
    lambda: "Thanks, %s! See you on Monday." % g("PERSON", R.choice(EN_SINGLE)),
    lambda: "Mrs. %s signed the form." % g("PERSON", R.choice(EN_NAMES)),
    lambda: "护照号码：%s，签发地北京。" % g("PASSPORT", passport()),
    lambda: "Passport number %s, expires 2031." % g("PASSPORT", passport()),
    lambda: "车牌号%s的车辆违停。" % g("LICENSE_PLATE", plate()),
    lambda: "他开着一辆车牌为%s的白色轿车。" % g("LICENSE_PLATE", plate()),
    lambda: "收货地址：%s，请送货上门。" % g("ADDRESS", R.choice(CN_ADDR)),
    lambda: "我住在%s附近。" % g("ADDRESS", R.choice(CN_ADDR)),
    lambda: "She lives at %s with her family." % g("ADDRESS", R.choice(EN_ADDR)),
    lambda: "Ship to %s, please." % g("ADDRESS", R.choice(EN_ADDR)),
    lambda: "出生日期：%s，性别：女。" % g("DATE_OF_BIRTH", dob_cn()),
    lambda: "他生于%s，籍贯湖南。" % g("DATE_OF_BIRTH", dob_cn()),
    lambda: "Date of birth: %s." % g("DATE_OF_BIRTH", dob_en()),
    lambda: "%s was born on %s in Leeds." % (g("PERSON", R.choice(EN_NAMES)), g("DATE_OF_BIRTH", dob_en())),
]

def digits(n):
    return str(R.randint(1, 9)) + "".join(str(R.randint(0, 9)) for _ in range(n - 1))

NEG = [
    lambda: "订单号 %s 已发货，请注意查收。" % digits(R.choice([11, 12, 16, 18])),
    lambda: "快递单号 SF%s，预计明天送达。" % digits(12),
    lambda: "运单号：YT%s" % digits(13),
    lambda: "Your order #%s has shipped." % digits(R.choice([10, 11, 16])),
    lambda: "Tracking number 1Z%s%s" % ("".join(R.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(8)), digits(8)),
    lambda: "剂量：每次 %d mg，每日 %d 次，饭后服用。" % (R.choice([5, 10, 25, 50, 100, 250, 500]), R.randint(1, 3)),
    lambda: "血糖 %.1f mmol/L，血红蛋白 %d g/L，白细胞 %.1f×10^9/L。" % (R.uniform(3.5, 12), R.randint(90, 170), R.uniform(3, 11)),
    lambda: "Take %d mg twice daily; HbA1c %.1f%%, LDL %.1f mmol/L." % (R.choice([5, 20, 40, 500]), R.uniform(5, 9), R.uniform(1, 5)),
    lambda: "会议定于%d年%d月%d日下午三点召开。" % (R.randint(2020, 2026), R.randint(1, 12), R.randint(1, 28)),
    lambda: "The meeting is on %s %d, %d at 3pm." % (R.choice(MONTHS), R.randint(1, 28), R.randint(2020, 2026)),
    lambda: "价格：¥%d.%02d，原价 ¥%d。" % (R.randint(10, 99999), R.randint(0, 99), R.randint(10, 99999)),
    lambda: "Price: $%d.%02d (was $%d)." % (R.randint(1, 9999), R.randint(0, 99), R.randint(1, 9999)),
    lambda: "版本 v%d.%d.%d 已发布，修复了若干问题。" % (R.randint(0, 9), R.randint(0, 20), R.randint(0, 50)),
    lambda: "Upgrade to version %d.%d.%d.%d for the fix." % (R.randint(1, 9), R.randint(0, 9), R.randint(0, 9), R.randint(0, 200)),
    lambda: "商品条码 69%s，批号 %s。" % (digits(11), digits(8)),
    lambda: "EAN barcode %s, SKU %s." % ("40" + digits(11), digits(8)),
    lambda: "ISBN 978-%d-%03d-%05d-%d" % (R.randint(0, 9), R.randint(0, 999), R.randint(0, 99999), R.randint(0, 9)),
    lambda: "合同编号 HT%s，发票号码 %s。" % (digits(10), digits(R.choice([8, 12, 20]))),
    lambda: "今天天气不错，我们去公园散步吧。",
    lambda: "The quarterly revenue grew by %d%% to %d million." % (R.randint(1, 40), R.randint(10, 900)),
    lambda: "本次共采购 %d 台设备，总金额 %d 元。" % (R.randint(2, 500), R.randint(1000, 9999999)),
    lambda: "Flight CA%d departs at %02d:%02d from gate %s%d." % (R.randint(100, 9999), R.randint(0, 23), R.randint(0, 59), R.choice("ABCDE"), R.randint(1, 40)),
    lambda: "温度 %d°C，湿度 %d%%，风速 %.1f m/s。" % (R.randint(-10, 40), R.randint(10, 99), R.uniform(0, 15)),
    lambda: "In May we will review the results with the team.",
    lambda: "Will you mark the June release as stable?",
    lambda: "She studied at George Washington University before moving to Hong Kong.",
    lambda: "设备序列号 %s，型号 E%s。" % (digits(12), digits(8)),
    lambda: "验证码 %s，5 分钟内有效。" % digits(6),
    lambda: "邮编 %s，区号 0%s。" % (digits(6), digits(R.choice([2, 3]))),
    lambda: "共有 %s 人参加，比去年增加了 %s 人。" % (digits(5), digits(3)),
]

def main():
    print("# feedline PII evaluation set: one document per line, gold spans as [[TYPE|value]].")
    print("# Generated by submit/tools/make_pii_eval.py (seeded); negatives are lines without markup.")
    docs = []
    for _ in range(420):
        parts = [R.choice(POS)() for _ in range(R.choice([1, 1, 2]))]
        if R.random() < 0.3:
            parts.append(R.choice(NEG)())
        R.shuffle(parts)
        docs.append(("" if parts[0][0].isascii() and False else "").join(p if p.endswith((" ", "。")) else p + " " for p in parts).strip())
    for _ in range(160):
        docs.append(" ".join(R.choice(NEG)() for _ in range(R.choice([1, 2]))))
    R.shuffle(docs)
    for d in docs:
        print(d)

main()
