#!/usr/bin/env python3
"""How long a save takes to show in `zhibu serve` (the authoring loop).

Usage: serve_latency.py ZHIBU SITE_DIR [--edits N]

Starts ``ZHIBU serve --port 0`` on a copy-free site folder, then N times appends a line to the
minutes of one record and measures, from the moment the file is saved, until
``/_zhibu/version`` changes and until the record's page contains the new line. Prints the
median and worst of both; restores the record at the end. Nothing else is changed.
"""

import glob
import http.client
import signal
import os
import re
import statistics
import subprocess
import sys
import time


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def main():
    zhibu, site = sys.argv[1], sys.argv[2]
    edits = int(sys.argv[sys.argv.index("--edits") + 1]) if "--edits" in sys.argv else 10
    records = sorted(glob.glob(os.path.join(site, "Content/orgs/**/activities/*/*.md"), recursive=True))
    record = records[len(records) // 2]
    parts = os.path.relpath(record, os.path.join(site, "Content/orgs")).split(os.sep)
    page = "/" + "/".join(parts[:-1]) + "/" + parts[-1][:-3] + "/"
    with open(record, encoding="utf-8") as handle:
        original = handle.read()
    # A timeout or Ctrl-C still restores the record.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    server = subprocess.Popen([zhibu, "--site", site, "serve", "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        port = int(re.search(r"127\.0\.0\.1:(\d+)/", line).group(1))
        print(f"serve_latency: {line.strip()}", file=sys.stderr)
        to_version, to_page = [], []
        for number in range(edits):
            before = get(port, "/_zhibu/version")[1]
            marker = f"测量标记{number}x{time.time_ns()}"
            saved = time.perf_counter()
            with open(record, "w", encoding="utf-8") as handle:
                handle.write(original + f"\n{marker}\n")
            while get(port, "/_zhibu/version")[1] == before:
                time.sleep(0.005)
            print(f"serve_latency: save {number}: version {get(port, '/_zhibu/version')[1]}", file=sys.stderr)
            to_version.append(time.perf_counter() - saved)
            while marker.encode() not in get(port, page)[1]:
                time.sleep(0.005)
            to_page.append(time.perf_counter() - saved)
            time.sleep(0.2)
        for name, values in (("version bumped", to_version), ("page shows the edit", to_page)):
            print(f"{name}: median {1000 * statistics.median(values):.0f} ms, "
                  f"worst {1000 * max(values):.0f} ms over {len(values)} saves")
    finally:
        with open(record, "w", encoding="utf-8") as handle:
            handle.write(original)
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
