#!/usr/bin/env python3
"""Data preparation for scripts/bench (stdlib only).

  bench_data.py omega-input JSONL OUT      JSONL articles -> scriptindex's name=value records
  bench_data.py generate JSONL N OUT       N reports made deterministically from the real ones:
                                           new ids, paragraphs recombined, dates spread over
                                           2000-2025, outlets kept
"""
import json
import random
import sys


def field(obj, *keys):
    for key in keys:
        value = obj.get(key)
        if isinstance(value, str) and value:
            return value
        if isinstance(value, list):
            return ", ".join(v for v in value if isinstance(v, str))
    return ""


def read_articles(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict):
                yield obj


def omega_input(src, out):
    with open(out, "w", encoding="utf-8") as f:
        for obj in read_articles(src):
            date = field(obj, "date")
            record = {
                "id": field(obj, "ID", "id"),
                "title": field(obj, "title"),
                "outlet": field(obj, "source", "outlet"),
                "author": field(obj, "authors", "author"),
                # scriptindex's date=yyyymmdd wants digits only; leave malformed dates out.
                "date": date.replace("-", "") if len(date) == 10 and date[4] == "-" else "",
                "body": field(obj, "content_original", "body", "text", "content"),
            }
            for name, value in record.items():
                lines = value.replace("\r", "").split("\n")
                f.write(f"{name}={lines[0]}\n")
                for more in lines[1:]:
                    f.write(f"={more}\n")
            f.write("\n")


def generate(src, n, out):
    articles = list(read_articles(src))
    paragraphs = [field(a, "content_original", "body", "text").split("\n") for a in articles]
    rng = random.Random(20250131)
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            base = articles[i % len(articles)]
            mine = [p for p in paragraphs[i % len(articles)] if p.strip()]
            other = [p for p in paragraphs[rng.randrange(len(articles))] if p.strip()]
            # Keep the article's first half, then half of another: new text, real vocabulary.
            body = mine[: max(1, len(mine) // 2)] + other[len(other) // 2 :]
            day = rng.randrange(26 * 365)
            year, rest = 2000 + day // 365, day % 365
            month, dom = 1 + rest // 31 % 12, 1 + rest % 28
            f.write(json.dumps({
                "id": f"gen{i:07d}",
                "title": field(base, "title"),
                "outlet": field(base, "source", "outlet"),
                "author": field(base, "authors", "author"),
                "date": f"{year:04d}-{month:02d}-{dom:02d}",
                "url": f"https://example.org/gen/{i}",
                "body": "\n".join(body),
            }) + "\n")


def main(argv):
    if len(argv) == 4 and argv[1] == "omega-input":
        omega_input(argv[2], argv[3])
    elif len(argv) == 5 and argv[1] == "generate":
        generate(argv[2], int(argv[3]), argv[4])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
