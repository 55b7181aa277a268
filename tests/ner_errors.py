#!/usr/bin/env python3
"""The most frequent errors of reader's name tagger in a conll-tag output.

Usage: tests/ner_errors.py FILE [TYPES] [N]
FILE has "token gold pred" lines (gold IOB1 or IOB2, pred IOB2). Only the
TYPES (default PER,LOC) are scored. Prints the N (default 10) most frequent
false positives (a span found where the gold has no entity of these types
with the same bounds), false negatives (a gold span not found with the same
bounds) and wrong types (same bounds, another type), each with its count.
"""
import collections
import sys


def spans(tags, types):
    out = {}
    start = kind = None
    for i, tag in enumerate(tags + ["O"]):
        pre, _, k = tag.partition("-")
        begin = tag == "O" or pre == "B" or k != kind
        if begin and start is not None:
            if kind in types:
                out[(start, i)] = kind
            start = kind = None
        if tag != "O" and (start is None):
            start, kind = i, k
    return out


def main():
    path = sys.argv[1]
    types = set((sys.argv[2] if len(sys.argv) > 2 else "PER,LOC").split(","))
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    fp, fn, wrong = (collections.Counter() for _ in range(3))
    words, gold, pred = [], [], []

    def flush():
        g, p = spans(gold, types), spans(pred, types)
        for s, k in p.items():
            text = " ".join(words[s[0]:s[1]])
            if s not in g:
                fp[(text, k)] += 1
            elif g[s] != k:
                wrong[(text, g[s] + "->" + k)] += 1
        for s, k in g.items():
            if s not in p:
                fn[(" ".join(words[s[0]:s[1]]), k)] += 1
        words.clear(), gold.clear(), pred.clear()

    for line in open(path, encoding="utf-8"):
        f = line.split()
        if not f or f[0] == "-DOCSTART-":
            flush()
            continue
        words.append(f[0])
        gold.append(f[-2])
        pred.append(f[-1])
    flush()
    for name, c in (("false positives", fp), ("false negatives", fn),
                    ("wrong type", wrong)):
        print("-- %s (%d): %s" % (name, sum(c.values()), "; ".join(
            "%s %s %d" % (t, k, n) for (t, k), n in c.most_common(top))))


if __name__ == "__main__":
    main()
