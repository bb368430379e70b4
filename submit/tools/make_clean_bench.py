#!/usr/bin/env python3
"""Synthetic mixed Chinese/English corpus for timing the clean stage.

usage: make_clean_bench.py OUT.jsonl [DOCS] [--huge-mb N]
Each document joins 4-8 distinct sentences from small English and Chinese pools; about a tenth carry a
defect the clean stage fixes or drops (mojibake, HTML, full-width letters, Traditional script,
repeated spam, too short). With --huge-mb N one extra document is a single N MB line.
Deterministic (fixed seed).
"""
import json
import random
import sys

EN = [
    "Data cleaning removes boilerplate and fixes broken encodings before fine-tuning.",
    "Near duplicate detection keeps a single copy of documents that differ only slightly.",
    "Tokenizers split text into subword units that the model can embed.",
    "The chat template decides how the turns of a conversation are rendered.",
    "Adapters train a small number of parameters and can be merged back into the base model.",
    "Every stage writes its outputs to a temporary folder and commits them by rename.",
    "Quality filters drop pages made mostly of navigation links or repeated phrases.",
    "The nightly job collects new files, cleans them and deduplicates against older runs.",
    "Annotators review the samples the model is least certain about every Friday.",
    "A manifest records the inputs, outputs, row counts and timings of each run.",
]
ZH = [
    "数据清洗是训练大模型之前最重要的步骤之一。",
    "去重可以避免模型记住重复的内容，也能减少训练所需要的计算资源。",
    "我们在论坛里讨论如何处理上亿条中文文本，并保证每一步都可以追溯。",
    "标注团队每周五复核模型不确定的样本。",
    "每个阶段都会记录输入、输出、行数和耗时，方便以后复现。",
    "质量过滤会去掉主要由导航链接或重复短语组成的页面。",
    "分词器把文本切分成子词单元，模型再把它们映射为向量。",
    "适配器只训练少量参数，训练结束后可以合并回基础模型。",
]


def doc(rng, i):
    pool = EN if rng.random() < 0.5 else ZH
    sep = " " if pool is EN else ""
    text = sep.join(rng.sample(pool, rng.randint(4, len(pool) - 2)))
    r = rng.random()
    if r < 0.02:
        text = text.encode("utf-8").decode("latin-1") if pool is ZH else text.replace("e", "\u00c3\u00a9", 3)
    elif r < 0.04:
        text = "<div><p>" + text + "</p>&nbsp;&amp;</div>"
    elif r < 0.06:
        text = text.replace("Data", "\uff24\uff41\uff54\uff41")
    elif r < 0.07:
        text = "資料清洗是訓練大型模型之前最重要的步驟之一。" * 2
    elif r < 0.09:
        text = "buy now and save big " * 20
    elif r < 0.10:
        text = "ok"
    return {"id": "d%06d" % i, "text": text}


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 and not sys.argv[2].startswith("--") else 20000
    huge = int(sys.argv[sys.argv.index("--huge-mb") + 1]) if "--huge-mb" in sys.argv else 0
    rng = random.Random(7)
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps(doc(rng, i), ensure_ascii=False) + "\n")
        if huge:
            line = "one very long line without any break " * (huge * 1024 * 1024 // 37 + 1)
            f.write(json.dumps({"id": "huge", "text": line}) + "\n")


if __name__ == "__main__":
    main()
