#!/usr/bin/env python3
"""Writes the BLEU parity corpus (2,000 English and 2,000 Chinese segments, seeded) to DIR and, when
sacrebleu is installed, prints its corpus BLEU per tokenizer for comparison with
`submit/feedline metric bleu --pred DIR/en.hyp --ref DIR/en.ref --tokenize T`.
Usage: submit/tools/bleu_parity.py DIR"""
import glob, os, random, sys

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
out = sys.argv[1] if len(sys.argv) > 1 else "work/bleu-parity"
os.makedirs(out, exist_ok=True)
random.seed(7)
lines = []
for f in sorted(glob.glob(os.path.join(root, "docs", "*.md"))) + [os.path.join(root, "README.md")]:
    lines += open(f, encoding="utf-8", errors="ignore").read().split("\n")
lines = [l.strip() for l in lines if len(l.strip().split()) >= 4]
chars = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"
         "十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天。，！？“”")


def perturb(toks):
    t = list(toks)
    for _ in range(max(1, len(t) // 5)):
        if not t:
            break
        r = random.random()
        i = random.randrange(len(t))
        if r < 0.4:
            t.pop(i)
        elif r < 0.7 and len(t) > 1:
            j = random.randrange(len(t))
            t[i], t[j] = t[j], t[i]
        else:
            t.insert(i, random.choice(t))
    return t


en, enh, zh, zhh = [], [], [], []
for k in range(2000):
    l = lines[k % len(lines)]
    en.append(l)
    enh.append(" ".join(perturb(l.split())))
    s = "".join(random.choice(chars) for _ in range(random.randint(8, 40)))
    zh.append(s + "，" + l[:20])
    zhh.append("".join(perturb(list(s))) + "，" + l[:20])
for name, data in (("en.ref", en), ("en.hyp", enh), ("zh.ref", zh), ("zh.hyp", zhh)):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write("\n".join(data) + "\n")
try:
    import sacrebleu
except ImportError:
    print("sacrebleu not installed; files written to", out)
    sys.exit(0)
for name, h, r in (("en", enh, en), ("zh", zhh, zh)):
    for tok in ("13a", "zh", "char", "none"):
        print(name, tok, repr(sacrebleu.corpus_bleu(h, [r], tokenize=tok).score))
