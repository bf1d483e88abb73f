#!/usr/bin/env python3
"""Turns scripts/bench's results.jsonl into report.md (tables with ratios) and scaling.svg.

  bench_report.py RESULTS_JSONL OUT_DIR
"""
import json
import os
import platform
import sys


def machine():
    cores = os.cpu_count()
    mem = "?"
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    model = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{cores} cores ({model}), {mem} memory, {platform.system()} {platform.release()}"


def median_rounds(rows):
    """Rows of the same system and phase (indexed in several rounds) as one: the median round by
    articles/s (the lower middle one of an even number), with how many rounds there were."""
    groups = {}
    for r in rows:
        groups.setdefault((r["system"], r["phase"]), []).append(r)
    merged = []
    for group in groups.values():
        ranked = sorted(group, key=lambda r: r["articles_per_s"])
        merged.append(dict(ranked[(len(ranked) - 1) // 2], rounds=len(group)))
    return merged


def round_ratios(rows, system, phase):
    """Each round's articles/s of (system, phase) against Omega's in the same round."""
    def by_round(sys_, phase_):
        return {r.get("round", 1): r for r in rows if r["system"] == sys_ and r["phase"] == phase_}
    mine, omega = by_round(system, phase), by_round("omega", "scriptindex")
    return [mine[k]["articles_per_s"] / omega[k]["articles_per_s"] for k in sorted(mine) if k in omega]


def index_table(rows):
    shown = median_rounds(rows)
    omega = next((r for r in shown if r["system"] == "omega"), None)
    fts5 = next((r for r in shown if r["system"] == "fts5"), None)
    lines = ["| indexer | articles/s | MB/s | peak RSS (MB) | size on disk (MB) | vs Omega | vs FTS5 |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in shown:
        vs_omega = f"{r['articles_per_s'] / omega['articles_per_s']:.2f}x" if omega else "-"
        vs_fts5 = f"{r['articles_per_s'] / fts5['articles_per_s']:.2f}x" if fts5 else "-"
        rounds = f", median of {r['rounds']} rounds" if r["rounds"] > 1 else ""
        lines.append(f"| {r['system']} ({r['phase']}{rounds}) | {r['articles_per_s']:.0f} | {r['mb_per_s']:.2f} | "
                     f"{r['peak_rss_mb']:.0f} | {r['size_mb']:.0f} | {vs_omega} | {vs_fts5} |")
    ratios = round_ratios(rows, "gazette", "extraction-on")
    if len(ratios) > 1:
        lines += ["", "Gazette (extraction on) against Omega in each round, the two alternated: " +
                  ", ".join(f"{x:.2f}x" for x in ratios) + "."]
    return lines


def query_table(q):
    results = q["results"]
    bare = next(r for r in results if r["system"] == "xapian")
    fts5 = next((r for r in results if r["system"] == "fts5"), None)
    lines = [f"{q['queries']} queries ({', '.join(f'{k}: {v}' for k, v in q['kinds'].items())}), top 10, "
             "after one warm-up pass.", "",
             "| system (mode) | p50 ms | p95 ms | p99 ms | p99 vs bare Xapian | p50 speed-up over FTS5 |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        vs_bare = f"{r['p99_ms'] / bare['p99_ms']:.2f}x"
        vs_fts5 = f"{fts5['p50_ms'] / r['p50_ms']:.1f}x" if fts5 else "-"
        lines.append(f"| {r['system']} ({r['mode']}) | {r['p50_ms']:.2f} | {r['p95_ms']:.2f} | "
                     f"{r['p99_ms']:.2f} | {vs_bare} | {vs_fts5} |")
    return lines


def scaling(rows, queries):
    by_size = {}
    for r in rows:
        by_size.setdefault(int(r["phase"].split("-")[1]), {})["index"] = r
    for q in queries:
        by_size.setdefault(q["size"], {})["queries"] = {
            (r["system"], r["mode"]): r for r in q["results"]}
    lines = ["| reports | index s | articles/s | peak RSS (MB) | size (MB) | query p50 / p99 ms (plain) | "
             "p50 / p99 ms (facets + snippets) | bare Xapian p99 ms |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    points = []
    for size in sorted(by_size):
        entry = by_size[size]
        i, qs = entry.get("index"), entry.get("queries", {})
        plain = qs.get(("gazette", "plain"))
        full = qs.get(("gazette", "facets+snippets"))
        bare = qs.get(("xapian", "bare"))
        if not i or not plain or not full:
            continue
        lines.append(f"| {size:,} | {i['seconds']:.1f} | {i['articles_per_s']:.0f} | {i['peak_rss_mb']:.0f} | "
                     f"{i['size_mb']:.0f} | {plain['p50_ms']:.2f} / {plain['p99_ms']:.2f} | "
                     f"{full['p50_ms']:.2f} / {full['p99_ms']:.2f} | {bare['p99_ms']:.2f} |")
        points.append((size, i["seconds"], plain["p99_ms"], full["p99_ms"], bare["p99_ms"] if bare else 0))
    return lines, points


def svg(points, path):
    """Two panels on log-log axes: indexing seconds and query p99 against reports."""
    import math
    w, h, pad = 360, 260, 48
    def panel(x0, title, series, linear_from=None):
        out = [f'<text x="{x0 + w / 2}" y="18" text-anchor="middle" font-size="13">{title}</text>']
        xs = [p[0] for p in points]
        ys = [y for _, values, _ in series for y in values if y > 0]
        if not xs or not ys:
            return out
        lx0, lx1 = math.log10(min(xs)), math.log10(max(xs)) + 1e-9
        ly0, ly1 = math.log10(min(ys)) - 0.1, math.log10(max(ys)) + 0.1
        sx = lambda x: x0 + pad + (math.log10(x) - lx0) / (lx1 - lx0) * (w - 2 * pad)
        bottom = pad - 20 + (h - 2 * pad)  # the frame's lower edge
        sy = lambda y: bottom - (math.log10(y) - ly0) / (ly1 - ly0) * (h - 2 * pad)
        out.append(f'<rect x="{x0 + pad}" y="{pad - 20}" width="{w - 2 * pad}" height="{h - 2 * pad}" '
                   'fill="none" stroke="#999"/>')
        for x in xs:
            label = f"{x / 1e6:g}M" if x >= 1e6 else f"{x / 1000:.0f}k"
            out.append(f'<text x="{sx(x):.1f}" y="{bottom + 14}" text-anchor="middle" font-size="10">'
                       f'{label}</text>')
        for e in range(math.floor(ly0), math.ceil(ly1) + 1):
            for tick in (10 ** e, 2 * 10 ** e, 5 * 10 ** e):
                if ly0 <= math.log10(tick) <= ly1:
                    out.append(f'<text x="{x0 + pad - 4}" y="{sy(tick) + 3:.1f}" text-anchor="end" '
                               f'font-size="10">{tick:g}</text>')
        if linear_from is not None:
            # What linear growth from the first point would give: the reference to judge by.
            x_first, y_first = xs[0], linear_from
            ends = [(x, y_first * x / x_first) for x in (xs[0], xs[-1])]
            pts = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in ends)
            out.append(f'<polyline points="{pts}" fill="none" stroke="#999" stroke-dasharray="4 3"/>')
            out.append(f'<text x="{x0 + pad + 6}" y="{pad - 6 + 14 * len(series)}" font-size="11" '
                       'fill="#999">linear</text>')
        for label, values, color in series:
            pts = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in zip(xs, values) if y > 0)
            out.append(f'<polyline points="{pts}" fill="none" stroke="{color}" stroke-width="2"/>')
            out.append(f'<text x="{x0 + pad + 6}" y="{pad - 6 + 14 * series.index((label, values, color))}" '
                       f'font-size="11" fill="{color}">{label}</text>')
        return out
    body = panel(0, "indexing time (s) vs reports", [("gazette-index", [p[1] for p in points], "#1f77b4")],
                 linear_from=points[0][1] if points else None)
    body += panel(w, "query p99 (ms) vs reports", [("plain", [p[2] for p in points], "#2ca02c"),
                                                   ("facets + snippets", [p[3] for p in points], "#d62728"),
                                                   ("bare Xapian", [p[4] for p in points], "#7f7f7f")])
    with open(path, "w") as f:
        f.write(f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * w}" height="{h - 40}" '
                'font-family="sans-serif">\n' + "\n".join(body) + "\n</svg>\n")


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    rows = [json.loads(line) for line in open(argv[1]) if line.strip()]
    index_rows = [r for r in rows if r["kind"] == "index" and not r["phase"].startswith("scale-")]
    scale_rows = [r for r in rows if r["kind"] == "index" and r["phase"].startswith("scale-")]
    queries = next((r for r in rows if r["kind"] == "queries"), None)
    scale_queries = [r for r in rows if r["kind"] == "scale-queries"]
    md = [f"Machine: {machine()}.", ""]
    if index_rows:
        md += ["### Indexing", ""] + index_table(index_rows) + [""]
    if queries:
        md += ["### Queries", ""] + query_table(queries) + [""]
    lines, points = scaling(scale_rows, scale_queries)
    if points:
        md += ["### Scaling", ""] + lines + ["", "![scaling](bench/scaling.svg)", ""]
        svg(points, os.path.join(argv[2], "scaling.svg"))
    with open(os.path.join(argv[2], "report.md"), "w") as f:
        f.write("\n".join(md))
    print("\n".join(md))


if __name__ == "__main__":
    main(sys.argv)
