#!/usr/bin/env python3
"""End to end: gazette-serve on a free loopback port over a database it did not build itself.

Checks that /api/search answers exactly what `gazette-search --json` prints for the same request,
that /api/export.csv matches `gazette-search --format csv`, /api/report/ID, the errors (as JSON
with a status and a hint), the limits, the security headers, escaping, that a report committed
while the server runs is found without a restart (also after the indexer compacted the tables),
and that parallel requests get right answers.

Usage: api_test.py GAZETTE_INDEX GAZETTE_SEARCH GAZETTE_SERVE CORPUS_REPORTS_DIR
"""
import concurrent.futures
import csv
import http.client
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import urllib.parse

INDEX, SEARCH, SERVE, CORPUS = sys.argv[1:5]
PULS = "000_538164c2fa05198d"
EVIL_TITLE = "<script>alert(1)</script> Zeppelin sighting"
EVIL_BODY = "A zeppelin was seen over the harbour. <img src=x onerror=alert(2)> Nobody believed it."
FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL: " + message, file=sys.stderr)


def write_report(folder, name, front, body):
    lines = ["---"] + [f"{k}: {json.dumps(v)}" for k, v in front.items()] + ["---", "", body, ""]
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


class Server:
    def __init__(self, db):
        self.process = subprocess.Popen([SERVE, "--db", db, "--port", "0"],
                                        stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        match = re.search(r"at http://127\.0\.0\.1:(\d+)/$", line.strip())
        if not match:
            self.process.kill()
            raise SystemExit(f"gazette-serve did not print its address: {line!r}")
        self.port = int(match.group(1))

    def request(self, path, method="GET", headers=None, body=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
        connection.close()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data

    def json(self, path, **kwargs):
        status, headers, data = self.request(path, **kwargs)
        return status, headers, json.loads(data)

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        out, _ = self.process.communicate(timeout=20)
        return self.process.returncode, out


def cli(args, db, text=True):
    return subprocess.run([SEARCH, "--db", db] + args, capture_output=True, text=text)


def query_string(params):
    return urllib.parse.urlencode(params, quote_via=urllib.parse.quote)


def cli_args(params):
    """The gazette-search flags for the same request as API parameters."""
    args, words = [], []
    for name, value in params:
        if name == "q":
            words = [value]
        elif name in ("facets", "collapse"):
            args.append(f"--{name}")
        else:
            args += [f"--{name}", value]
    return args + ["--"] + words


def check_parity(server, db):
    requests = [
        [("q", "Puls withdrawal")],
        [("q", "Puls withdrawal"), ("facets", "1")],
        [("q", "troops"), ("outlet", "Kyiv Post"), ("facets", "1")],
        [("q", "troops"), ("outlet", "Kyiv Post"), ("outlet", "Flux Daily")],
        [("q", "North Korean"), ("from", "2025-01-28"), ("to", "2025-01"), ("sort", "date")],
        [("q", "troops"), ("limit", "2"), ("offset", "1")],
        [("q", '"human waves" OR title:withdrawal')],
        [("q", "date:2025-01-31")],
        [("q", ""), ("facets", "1")],
        [("q", "zeppelin")],
        [("q", "nothingmatchesthisword")],
        [("q", "troops"), ("collapse", "1"), ("facets", "1")],
        [("q", ""), ("similar", PULS)],
    ]
    for params in requests:
        status, _, api = server.json("/api/search?" + query_string(params))
        out = cli(["--json"] + cli_args(params), db)
        check(status == 200, f"{params}: status {status}")
        check(out.returncode in (0, 1), f"{params}: gazette-search exit {out.returncode}: {out.stderr}")
        check(api == json.loads(out.stdout), f"{params}: API and CLI differ:\n{api}\n{out.stdout}")


def check_export(server, db):
    params = [("q", "troops OR zeppelin OR spreadsheet"), ("limit", "20")]
    status, headers, data = server.request("/api/export.csv?" + query_string(params))
    check(status == 200, f"export status {status}")
    check(headers.get("content-type") == "text/csv; charset=utf-8", f"export type {headers}")
    check("attachment" in headers.get("content-disposition", ""), "export is not an attachment")
    out = cli(["--format", "csv"] + cli_args(params), db, text=False)
    check(data == out.stdout, f"export differs from --format csv:\n{data}\n{out.stdout}")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    check(rows[0] == ["id", "outlet", "date", "title", "url", "snippet"], f"header {rows[0]}")
    by_id = {row[0]: row for row in rows[1:]}
    check(len(by_id) == 7, f"export rows: {sorted(by_id)}")
    tricky = by_id.get("tricky_1", [])
    check(tricky[3:4] == ["'=HYPERLINK(\"http://x\", \"a, b\")"],
          f"formula title not neutralised or badly quoted: {tricky}")
    check("<mark>" not in data.decode("utf-8"), "export holds HTML marks")
    check(by_id.get(PULS, [None, None])[1] == "Kyiv Post", f"export outlet {by_id.get(PULS)}")
    # Without limit the export takes up to 1000 results, not one page of 10.
    _, _, data = server.request("/api/export.csv?q=")
    check(data.decode().count("\r\n") == 1 + 7, f"export without limit: {data[:200]}")


def check_report(server):
    status, headers, report = server.json(f"/api/report/{PULS}")
    check(status == 200, f"report status {status}")
    check(report.get("id") == PULS and report.get("outlet") == "Kyiv Post", f"report {report}")
    check("Combat Divers Battalion" in report.get("body", ""), "report body missing")
    check(set(report) >= {"title", "date", "author", "url", "language", "entities", "body"},
          f"report fields {sorted(report)}")
    check("source" not in report, "report leaks the server's file path")
    status, _, report = server.json("/api/report/evil_1")
    check(report.get("title") == EVIL_TITLE and report.get("body") == EVIL_BODY,
          f"report text not kept as it was: {report}")
    for path in ["/api/report/nope", "/api/report/..%2F..%2Fetc%2Fpasswd", "/api/report/%00"]:
        status, headers, error = server.json(path)
        check(status == 404 and "no report" in error.get("error", ""), f"{path}: {status} {error}")
        check(headers.get("content-type", "").startswith("application/json"), f"{path}: type")


def check_errors(server):
    cases = [
        ("/api/search?q=Puls%20AND", 400, "nothing after it"),
        ("/api/search?q=%22unclosed", 400, ""),
        ("/api/search?query=Puls", 400, "unknown parameter 'query'"),
        ("/api/search?q=a&q=b", 400, "given twice"),
        ("/api/search?limit=-1", 400, "whole number"),
        ("/api/search?limit=ten", 400, "whole number"),
        ("/api/search?limit=1001", 400, "more than 1000"),
        ("/api/search?offset=9991&limit=10", 400, "deepest page"),
        ("/api/search?offset=99999999999999999999", 400, "whole number"),
        ("/api/search?sort=random", 400, "not a sort order"),
        ("/api/search?facets=maybe", 400, "yes or no"),
        ("/api/search?from=someday", 400, "not a date"),  # "yesterday" is a date (issue 4)
        ("/api/search?mentions_from=someday", 400, "not a date"),
        ("/api/search?outlet=", 400, "empty"),
        ("/api/search?q=" + "a" * 4097, 400, "longer than 4096 bytes"),
        ("/api/search?q=" + "a" * 9000, 414, "too long"),
        ("/api/nothing", 404, "nothing is served"),
        ("/../CMakeLists.txt", 404, "nothing is served"),
        ("/%2e%2e/%2e%2e/etc/passwd", 404, "nothing is served"),
        ("/web/app.js", 404, "nothing is served"),
        ("/index.html/..", 404, "nothing is served"),
    ]
    for path, want, text in cases:
        status, headers, body = server.request(path)
        check(status == want, f"{path[:80]}: status {status}, expected {want}")
        try:
            error = json.loads(body)
        except ValueError:
            check(False, f"{path[:80]}: not JSON: {body[:200]}")
            continue
        check(error.get("status") == want and error.get("error"), f"{path[:80]}: {error}")
        check(text in error.get("error", "") + error.get("hint", ""), f"{path[:80]}: {error}")
        check("hint" in error, f"{path[:80]}: no hint")
    status, headers, error = server.json("/api/search", method="POST", body="q=x")
    check(status == 405 and headers.get("allow") == "GET, HEAD", f"POST: {status} {headers}")
    status, _, error = server.json("/api/search", headers={"Host": "attacker.example"})
    check(status == 403, f"foreign Host: {status} {error}")
    status, _, _ = server.request("/api/search", headers={"Host": "localhost:1234"})
    check(status == 200, f"localhost Host: {status}")
    status, _, error = server.json("/api/search", headers={"Content-Length": "100000"})
    check(status == 413, f"large body: {status} {error}")


def check_page(server):
    status, headers, page = server.request("/")
    check(status == 200 and headers.get("content-type") == "text/html; charset=utf-8", "page type")
    csp = headers.get("content-security-policy", "")
    check("script-src 'self'" in csp and "default-src 'none'" in csp, f"CSP: {csp}")
    check(headers.get("x-content-type-options") == "nosniff", "no nosniff")
    check(headers.get("x-frame-options") == "DENY", "no X-Frame-Options")
    scripts = re.findall(rb"<script[^>]*>", page)
    check(scripts and all(b"src=" in s for s in scripts), f"inline script in the page: {scripts}")
    for path in re.findall(rb'(?:src|href)="(/[a-z_]+\.(?:js|css))"', page):
        status, headers, _ = server.request(path.decode())
        check(status == 200, f"{path}: {status}")
    for name, type_ in [("/app.js", "text/javascript"), ("/style.css", "text/css")]:
        _, headers, _ = server.request(name)
        check(headers.get("content-type", "").startswith(type_), f"{name}: {headers}")
    status, _, report_page = server.request(f"/report/{PULS}")
    check(status == 200 and report_page == page, "a report's address does not serve the page")
    status, headers, body = server.request("/", method="HEAD")
    check(status == 200 and body == b"", f"HEAD: {status} {body[:50]}")
    _, headers, _ = server.request("/api/search?q=x")
    check("script-src 'self'" in headers.get("content-security-policy", ""), "API without CSP")
    check(headers.get("cache-control") == "no-store", f"API cache: {headers}")


def check_escaping(server):
    _, _, answer = server.json("/api/search?q=zeppelin")
    hit = answer["results"][0]
    check(hit["title"] == EVIL_TITLE, f"title: {hit['title']}")
    check("<script>" not in hit["title_html"] and "&lt;script&gt;" in hit["title_html"],
          f"title_html not escaped: {hit['title_html']}")
    check("<img" not in hit["snippet"] and "&lt;img" in hit["snippet"], f"snippet: {hit['snippet']}")
    check("<mark>zeppelin</mark>" in hit["snippet"], f"snippet marks: {hit['snippet']}")


def check_reopen(server, db, folder):
    _, _, before = server.json("/api/search?q=quokka")
    check(before["total"] == 0, "quokka found before it was indexed")
    write_report(folder, "late.txt", {"id": "late_1", "title": "Quokka census", "date": "2025-02-03"},
                 "The quokka census counted more quokkas than last year.")
    subprocess.run([INDEX, "--db", db, "--quiet", os.path.join(folder, "late.txt")], check=True)
    _, _, after = server.json("/api/search?q=quokka")
    check([r["id"] for r in after["results"]] == ["late_1"], f"new report not served: {after}")
    status, _, report = server.json("/api/report/late_1")
    check(status == 200 and report["title"] == "Quokka census", "new report not found by id")


def check_compacted(server, db, folder):
    """A batch large enough to be compacted, then a report committed into the compacted tables:
    the running server reads both (it must notice the replaced files and open them afresh)."""
    batch = os.path.join(folder, "wombats")
    os.makedirs(batch)
    for i in range(12):
        write_report(batch, f"wombat{i}.txt", {"id": f"wombat_{i}", "title": f"Wombat survey {i}",
                                               "outlet": "Burrow Times", "date": "2025-02-04"},
                     f"The wombat survey found {i} burrows near the river.")
    out = subprocess.run([INDEX, "--db", db, "--json", batch], capture_output=True, text=True, check=True)
    check(json.loads(out.stdout)["compacted"] is True, f"the batch was not compacted: {out.stdout}")
    for params in ([("q", "wombat"), ("facets", "1")], [("q", "Puls withdrawal")]):
        status, _, api = server.json("/api/search?" + query_string(params))
        expected = json.loads(cli(["--json"] + cli_args(params), db).stdout)
        check(status == 200 and api == expected, f"after compacting, {params}: API and CLI differ")
    write_report(folder, "later.txt", {"id": "wombat_late", "title": "Late wombat"}, "A late wombat.")
    out = subprocess.run([INDEX, "--db", db, "--json", os.path.join(folder, "later.txt")],
                         capture_output=True, text=True, check=True)
    check(json.loads(out.stdout)["compacted"] is False, f"one report was compacted: {out.stdout}")
    _, _, after = server.json("/api/search?q=wombat")
    check(after["total"] == 13, f"after a commit into compacted tables: {after['total']} wombats")


def check_parallel(server):
    queries = ["Puls withdrawal", "troops", "Kursk", "zeppelin", '"North Korean"', "casualties"]
    expected = {q: server.json("/api/search?" + query_string([("q", q), ("facets", "1")]))[2]
                for q in queries}

    def ask(i):
        q = queries[i % len(queries)]
        status, _, answer = server.json("/api/search?" + query_string([("q", q), ("facets", "1")]))
        return q, status, answer

    with concurrent.futures.ThreadPoolExecutor(max_workers=24) as pool:
        for q, status, answer in pool.map(ask, range(240)):
            check(status == 200 and answer == expected[q], f"parallel {q}: {status}")


def check_startup_errors(db, tmp):
    out = subprocess.run([SERVE, "--db", os.path.join(tmp, "missing"), "--port", "0"],
                         capture_output=True, text=True, timeout=20)
    check(out.returncode == 3 and "no database" in out.stderr, f"missing db: {out.returncode} {out.stderr}")
    out = subprocess.run([SERVE, "--db", db, "--port", "70000"], capture_output=True, text=True, timeout=20)
    check(out.returncode == 2 and "--port" in out.stderr, f"bad port: {out.returncode} {out.stderr}")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        out = subprocess.run([SERVE, "--db", db, "--port", str(port)], capture_output=True, text=True,
                             timeout=20)
        check(out.returncode == 2 and "cannot listen" in out.stderr, f"port in use: {out.returncode} {out.stderr}")


def main():
    tmp = tempfile.mkdtemp(prefix="gazette-serve-test-")
    try:
        folder = os.path.join(tmp, "reports")
        shutil.copytree(CORPUS, folder)
        write_report(folder, "evil.txt", {"id": "evil_1", "title": EVIL_TITLE, "outlet": "Harbour Gazette",
                                          "date": "2025-01-29"}, EVIL_BODY)
        write_report(folder, "tricky.txt", {"id": "tricky_1", "title": '=HYPERLINK("http://x", "a, b")',
                                            "outlet": "Sheet, \"Quoted\" Daily", "date": "2025-01-30"},
                     "A spreadsheet line\nwith a break, a comma and \"quotes\".")
        db = os.path.join(tmp, "db")
        # Two shards, as a first import on two cores makes them; compacting replaces both.
        subprocess.run([INDEX, "--db", db, "--quiet", "--shards", "2", folder], check=True)
        server = Server(db)
        try:
            check_parity(server, db)
            check_export(server, db)
            check_report(server)
            check_errors(server)
            check_page(server)
            check_escaping(server)
            check_reopen(server, db, tmp)
            check_compacted(server, db, tmp)
            check_parallel(server)
        finally:
            code, out = server.stop()
        check(code == 0 and "stopped" in out, f"stop: exit {code}, {out!r}")
        # It numbered every report's facet values once, beside its first searches.
        warmed = re.search(r"facet records of (\d+) reports counted ahead", out)
        check(warmed is not None and int(warmed.group(1)) > 0, f"no facet records counted ahead: {out!r}")
        check_startup_errors(db, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if FAILURES:
        print(f"serve.api: {len(FAILURES)} checks failed", file=sys.stderr)
        return 1
    print("serve.api: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
