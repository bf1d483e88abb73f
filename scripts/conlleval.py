#!/usr/bin/env python3
"""Scores IOB tagging the way CoNLL's conlleval does: exact-span precision, recall and F1.

Reads "token gold predicted" lines (more columns are allowed: the last two are gold and
predicted), a blank line between sentences. Prints per-type and overall figures; the line
"PER+ORG+LOC" counts only those three types (MISC ignored), as Gazette extracts them.

    gazette-entities --conll valid.txt | scripts/conlleval.py
"""
import sys

OUR_TYPES = ("PER", "ORG", "LOC")


def spans(tags):
    """Entity spans (type, start, end) of an IOB1 or IOB2 tag sequence, as conlleval reads it."""
    found = []
    start, kind = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, t = tag.partition("-")
        begins = prefix == "B" or (prefix == "I" and t != kind)
        if kind is not None and (prefix == "O" or begins):
            found.append((kind, start, i))
            start, kind = None, None
        if prefix in ("B", "I") and kind is None:
            start, kind = i, t
    return found


def score(lines):
    gold_spans, pred_spans = set(), set()
    gold, pred = [], []
    offset = 0
    tokens = 0

    def close():
        nonlocal offset, gold, pred
        gold_spans.update((k, offset + s, offset + e) for k, s, e in spans(gold))
        pred_spans.update((k, offset + s, offset + e) for k, s, e in spans(pred))
        offset += len(gold) + 1
        gold, pred = [], []

    for number, line in enumerate(lines, 1):
        fields = line.split()
        if not fields:
            close()
            continue
        if len(fields) < 3:
            sys.exit(f"conlleval: line {number}: expected 'token gold predicted', got {line.strip()!r}")
        gold.append(fields[-2])
        pred.append(fields[-1])
        tokens += 1
    close()
    return gold_spans, pred_spans, tokens


def prf(gold, pred):
    correct = len(gold & pred)
    p = correct / len(pred) if pred else 0.0
    r = correct / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, len(gold), len(pred)


def main():
    stream = open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 else sys.stdin
    gold, pred, tokens = score(stream)
    kinds = sorted({k for k, _, _ in gold | pred})
    print(f"{tokens} tokens, {len(gold)} gold names, {len(pred)} found")
    print(f"{'type':<12} {'precision':>9} {'recall':>9} {'F1':>9} {'gold':>6} {'found':>6}")

    def row(name, g, p):
        pr, rc, f, ng, np_ = prf(g, p)
        print(f"{name:<12} {pr:9.4f} {rc:9.4f} {f:9.4f} {ng:6d} {np_:6d}")

    for kind in kinds:
        row(kind, {s for s in gold if s[0] == kind}, {s for s in pred if s[0] == kind})
    row("PER+ORG+LOC", {s for s in gold if s[0] in OUR_TYPES}, {s for s in pred if s[0] in OUR_TYPES})
    row("all", gold, pred)


if __name__ == "__main__":
    main()
