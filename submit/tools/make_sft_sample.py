#!/usr/bin/env python3
"""Writes a deterministic sample of SFT rows in every input shape the build stage reads (alpaca,
sharegpt, OpenAI messages, question/answer, plain text), in English and Chinese, with augmented
children (parent_id) and a few bad rows, for trying and timing `feedline build`.

usage: make_sft_sample.py OUT.jsonl [ROWS]
"""
import json
import random
import sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
rnd = random.Random(7)
topics_en = ["fever", "cough", "headache", "back pain", "sleep", "blood pressure", "diabetes diet", "allergy"]
topics_zh = ["发烧", "咳嗽", "头痛", "腰痛", "失眠", "高血压", "糖尿病饮食", "过敏"]
depts = ["cardiology", "pediatrics", "neurology", "general practice"]


def sentence(zh):
    if zh:
        t = rnd.choice(topics_zh)
        return f"关于{t}，建议多休息、多喝水，如果症状持续{rnd.randint(2, 7)}天以上请及时就医。"
    t = rnd.choice(topics_en)
    return (f"For {t}, rest, drink water and watch the symptoms; see a doctor if it lasts more than "
            f"{rnd.randint(2, 7)} days. " * rnd.randint(1, 4)).strip()


def question(zh):
    return f"我最近{rnd.choice(topics_zh)}，该怎么办？" if zh else f"What should I do about my {rnd.choice(topics_en)}?"


rows = []
for i in range(n):
    zh = rnd.random() < 0.4
    kind = rnd.choice(["alpaca", "sharegpt", "messages", "qa", "qa", "text"])
    doc = {"doc_id": f"d{i:06d}", "source": "clinic" if kind == "qa" else "web"}
    if kind == "alpaca":
        doc.update(instruction=question(zh), input="", output=sentence(zh))
    elif kind == "sharegpt":
        conv = []
        for _ in range(rnd.randint(1, 4)):
            conv += [{"from": "human", "value": question(zh)}, {"from": "gpt", "value": sentence(zh)}]
        doc["conversations"] = conv
    elif kind == "messages":
        msgs = [{"role": "system", "content": "You are a careful medical assistant."}]
        for _ in range(rnd.randint(1, 3)):
            msgs += [{"role": "user", "content": question(zh)}, {"role": "assistant", "content": sentence(zh)}]
        doc["messages"] = msgs
    elif kind == "qa":
        doc.update(question=question(zh), answer=sentence(zh), department=rnd.choice(depts))
    else:
        doc["text"] = " ".join(sentence(zh) for _ in range(rnd.randint(3, 30)))
    rows.append(doc)
    if kind == "qa" and rnd.random() < 0.3:  # an augmented child that must share its parent's split
        child = dict(doc, doc_id=doc["doc_id"] + "-aug", parent_id=doc["doc_id"], method="paraphrase")
        child["question"] = "请问" + child["question"] if zh else "Please tell me: " + child["question"]
        rows.append(child)
for i in range(max(1, n // 100)):  # bad rows: no assistant turn, unknown role, no known shape
    rows.append({"doc_id": f"bad-noans-{i}", "source": "web", "messages": [{"role": "user", "content": "hello?"}]})
    rows.append({"doc_id": f"bad-role-{i}", "source": "web", "messages": [{"role": "narrator", "content": "x"}]})
    rows.append({"doc_id": f"bad-shape-{i}", "source": "web", "title": "nothing to train on"})
with open(out, "w", encoding="utf-8") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(f"wrote {len(rows)} rows to {out}")
