#!/usr/bin/env python3
"""bench/bench_report.py: indexing rounds shown as their median, ratios against Omega per round.

  bench_report_test.py BENCH_DIR
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

BENCH_DIR = sys.argv.pop(1) if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../bench")
sys.path.insert(0, BENCH_DIR)
import bench_report  # noqa: E402


def row(system, phase, rate, rnd=None):
    r = {"kind": "index", "system": system, "phase": phase, "articles": 100, "seconds": 100 / rate,
         "articles_per_s": rate, "mb_per_s": 1.0, "peak_rss_mb": 50.0, "size_mb": 5.0}
    if rnd is not None:
        r["round"] = rnd
    return r


ROUNDS = [row("gazette", "extraction-on", 10, 1), row("omega", "scriptindex", 5, 1),
          row("gazette", "extraction-on", 8, 2), row("omega", "scriptindex", 4, 2),
          row("gazette", "extraction-on", 12, 3), row("omega", "scriptindex", 3, 3),
          row("fts5", "sqlite", 100, 1)]


class MedianRounds(unittest.TestCase):
    def test_each_system_shows_its_median_round(self):
        shown = {(r["system"], r["phase"]): r for r in bench_report.median_rounds(ROUNDS)}
        self.assertEqual(shown[("gazette", "extraction-on")]["articles_per_s"], 10)
        self.assertEqual(shown[("omega", "scriptindex")]["articles_per_s"], 4)
        self.assertEqual(shown[("gazette", "extraction-on")]["rounds"], 3)
        self.assertEqual(shown[("fts5", "sqlite")]["rounds"], 1)

    def test_even_rounds_take_the_lower_middle(self):
        shown = bench_report.median_rounds([row("omega", "scriptindex", 5, 1), row("omega", "scriptindex", 3, 2)])
        self.assertEqual(shown[0]["articles_per_s"], 3)

    def test_ratios_pair_the_rounds(self):
        self.assertEqual(bench_report.round_ratios(ROUNDS, "gazette", "extraction-on"), [2.0, 2.0, 4.0])

    def test_results_without_rounds_read_as_one_round(self):
        old = [row("gazette", "extraction-on", 9), row("omega", "scriptindex", 3)]
        self.assertEqual(bench_report.round_ratios(old, "gazette", "extraction-on"), [3.0])
        table = "\n".join(bench_report.index_table(old))
        self.assertIn("| gazette (extraction-on) | 9 |", table)
        self.assertIn("3.00x", table)
        self.assertNotIn("round", table)

    def test_report_gives_the_median_ratio_and_every_round(self):
        with tempfile.TemporaryDirectory() as out:
            results = os.path.join(out, "results.jsonl")
            with open(results, "w") as f:
                f.write("\n".join(json.dumps(r) for r in ROUNDS) + "\n")
            subprocess.run([sys.executable, os.path.join(BENCH_DIR, "bench_report.py"), results, out],
                           check=True, stdout=subprocess.DEVNULL)
            report = open(os.path.join(out, "report.md")).read()
        self.assertIn("| gazette (extraction-on, median of 3 rounds) | 10 |", report)
        self.assertIn("| 2.50x |", report)  # 10 against Omega's median 4
        self.assertIn("2.00x, 2.00x, 4.00x", report)


if __name__ == "__main__":
    unittest.main()
