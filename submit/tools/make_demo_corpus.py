#!/usr/bin/env python3
"""Writes the bundled demo corpus under conf/demo/ (deterministic; run from the repository root).

Mixed Chinese/English, several formats and encodings, planted exact and near duplicates, planted PII
(all synthetic: numbers pass their checksums but belong to nobody), and one corrupt file.
The Parquet input (archive/legacy.parquet) is written by `feedline collect` itself, see README.
"""
import json, os, random, zipfile

random.seed(42)
OUT = "conf/demo"

def cn_id(prefix17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(c) * w[i] for i, c in enumerate(prefix17))
    return prefix17 + "10X98765432"[s % 11]

def luhn(prefix, length):
    digits = prefix + "".join(str(random.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        total += d
    return digits + str((10 - total % 10) % 10)

def w(path, data, enc="utf-8"):
    p = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode(enc))

# ---- clinic: GBK-encoded question/answer CSV ---------------------------------------------
qa = [
    ("高血压患者平时应该注意什么？", "应该低盐低脂饮食，规律服用降压药，每天定时测量血压，避免情绪激动。"),
    ("糖尿病患者可以吃水果吗？", "可以适量吃低糖水果，例如苹果和柚子，最好在两餐之间食用，并监测血糖。"),
    ("感冒发烧了怎么办？", "多喝温水，注意休息；体温超过38.5度可以服用退烧药，持续不退请及时就医。"),
    ("儿童咳嗽一直不好怎么办？", "先明确病因，可能是过敏或感染；如果咳嗽超过两周，请带孩子到医院检查。"),
    ("失眠应该如何调理？", "保持规律作息，睡前避免使用手机，晚上不要喝咖啡或浓茶，必要时咨询医生。"),
    ("胃痛的时候可以吃什么？", "可以吃清淡易消化的食物，比如小米粥和面条，避免辛辣、生冷和油腻食物。"),
    ("体检发现血脂偏高怎么办？", "调整饮食结构，减少动物内脏和油炸食品，坚持每周运动，三个月后复查血脂。"),
    ("孕妇可以打流感疫苗吗？", "孕妇可以接种灭活流感疫苗，建议在医生评估后进行，接种后观察半小时。"),
]
rows = list(qa)
rows.append(qa[0])  # exact duplicate
rows.append(("高血压病人平时应该注意什么？", "应该低盐低脂饮食，规律服用降压药，每天定时测量血压，避免情绪激动。"))  # near duplicate
rows.append(("预约挂号怎么联系？", "请拨打门诊电话 010-62345678 或联系王医生，手机 13812345678，身份证号 " + cn_id("11010519491231002") + " 用于实名登记。"))
csv = "question,answer\r\n" + "".join(f"{q},{a}\r\n" for q, a in rows)
w("clinic/qa_gbk.csv", csv, "gbk")

# ---- forum: JSON lines, English and Chinese ------------------------------------------------
topics = [
    "Data cleaning removes boilerplate, fixes encodings and filters low quality text before fine-tuning.",
    "Near duplicate detection with MinHash and LSH keeps a single copy of documents that differ only slightly.",
    "Tokenizers split text into subword units; the chat template decides how turns are rendered for training.",
    "LoRA adapters train a small number of parameters and can be merged back into the base model weights.",
    "数据清洗是训练大模型之前最重要的步骤之一，它决定了模型最终的效果。",
    "去重可以避免模型记住重复的内容，也能减少训练所需要的计算资源。",
    "我们在论坛里讨论如何用Spark处理上亿条中文文本，并保证每一步都可以追溯。",
]
posts = []
for i, t in enumerate(topics):
    posts.append({"id": f"post-{i+1}", "title": f"Topic {i+1}", "text": t, "author": f"user{i+1}"})
posts.append({"id": "post-8", "title": "Topic 1 again", "text": topics[0], "author": "user9"})  # exact duplicate
posts.append({"id": "post-9", "title": "Topic 2 reworded", "author": "user10",
              "text": "Near-duplicate detection with MinHash and LSH keeps one single copy of documents that differ only slightly."})
posts.append({"id": "post-10", "title": "Contact", "author": "alice",
              "text": "Contact Alice Johnson at alice.johnson@example.com or +1 415-555-0132; the server is at 192.168.10.24."})
posts.append({"id": "post-11", "title": "付款", "author": "张伟",
              "text": "张伟的银行卡号是 " + luhn("622202", 19) + "，请不要在论坛公开，订单号 20231125001234 已发货。"})
posts.append({"id": "post-12", "title": "Short", "author": "bot", "text": "ok"})
lines = [json.dumps(p, ensure_ascii=False) for p in posts]
lines.insert(5, '{"id": "post-broken", "text": "this line is cut off')
w("forum/posts.jsonl", "\n".join(lines) + "\n")

# ---- support: chat logs ----------------------------------------------------------------------
turns = [
    ("t1", "user", "你好，我的快递三天了还没到。"),
    ("t1", "assistant", "您好，请提供订单号，我帮您查询物流信息。"),
    ("t1", "user", "订单号是 SF1234567890，收件电话 13912345678。"),
    ("t1", "assistant", "已经查到，包裹明天送达，请保持电话畅通。"),
    ("t2", "user", "How do I reset my password?"),
    ("t2", "assistant", "Open Settings, choose Security, then click Reset password and follow the email link."),
    ("t3", "user", "How do I reset my password?"),
    ("t3", "assistant", "Open Settings, choose Security, then click Reset password and follow the email link."),
]
w("support/tickets.chat.jsonl", "\n".join(json.dumps({"conversation_id": c, "role": r, "content": x}, ensure_ascii=False) for c, r, x in turns) + "\n")

# ---- web pages ---------------------------------------------------------------------------------
for i, (title, body) in enumerate([
    ("Fine-tuning guide", "<h1>Fine-tuning guide</h1><p>Collect, clean, deduplicate, redact, then build the dataset.</p><p>Every stage records what it dropped and why.</p>"),
    ("模型部署说明", "<h1>模型部署说明</h1><p>本地部署DeepSeek模型需要准备显卡驱动和推理框架。</p><p>部署完成后可以通过兼容OpenAI的接口调用。</p>"),
    ("Fine-tuning guide (mirror)", "<h1>Fine-tuning guide</h1><p>Collect, clean, deduplicate, redact, then build the dataset.</p><p>Every stage records what it dropped and why!</p>"),
]):
    w(f"web/page{i+1}.html", f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
      "<style>body{font-family:sans-serif}</style><script>window.tracking = 'do-not-collect';</script></head>"
      f"<body><nav>Home | About</nav>{body}</body></html>")

# ---- notes: markdown, UTF-8, Big5, UTF-16 --------------------------------------------------
w("notes/pipeline.md", "# Pipeline notes\n\nThe nightly job collects new files, cleans them and deduplicates against the index.\n\n- collect\n- clean\n- dedup\n")
w("notes/meeting.txt", "会议纪要：下周一上线新的数据清洗流程。\r\nOwner: Li Na, phone 021-55551234.\r\n")
w("notes/legacy_big5.txt", "資料清洗是訓練語言模型之前的重要步驟，我們需要去除重複的內容並保護個人隱私。", "big5")
w("notes/export_utf16.txt", "\ufeffUTF-16 export from an old system: quality filters drop boilerplate lines.", "utf-16-le")

# ---- documents: PDF and DOCX ---------------------------------------------------------------
def pdf(text):
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"]
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET"
    objs.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
    objs.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = "%PDF-1.4\n"
    offs = []
    for i, o in enumerate(objs):
        offs.append(len(out))
        out += f"{i+1} 0 obj\n{o}\nendobj\n"
    x = len(out)
    out += f"xref\n0 {len(objs)+1}\n0000000000 65535 f \n" + "".join(f"{o:010d} 00000 n \n" for o in offs)
    out += f"trailer\n<< /Size {len(objs)+1} /Root 1 0 R >>\nstartxref\n{x}\n%%EOF\n"
    return out.encode("latin-1")
w("docs/policy.pdf", pdf("Data retention policy: raw files are kept for ninety days after collection."))
buf = os.path.join(OUT, "docs/memo.docx")
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    z.writestr("word/document.xml", '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Memo: the annotation team reviews uncertain samples every Friday.</w:t></w:r></w:p><w:p><w:r><w:t>备忘：标注团队每周五复核模型不确定的样本。</w:t></w:r></w:p></w:body></w:document>')

# ---- one corrupt file ------------------------------------------------------------------------------
w("broken/scan.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pa")
print("demo corpus written to", OUT)
