#!/usr/bin/env python3
"""What a search query downloads on a site of a million records (issue: under 1 MB).

    python3 bench/search_scale.py [--work DIR] [--records 100000] [--factor 10] [--query Q]...

No machine here builds a site of 10⁶ records whole, so this builds the largest that fits
(default 100,000 records, bench/generate.py), then has `ZhibuSearchScale` (bench/search-scale,
through the build's own search code) write the search index of that site's documents ten times
over, each copy under its own address: 10⁶ documents whose words are in the same proportions.
It then runs `Tests/Site/check_search.py --each-first` on it, which types each query into a
freshly loaded search page in headless Chromium with the cache off, holds every answer to a
whole-index search of the million documents, and counts the bytes of every fragment the page
fetched. Prints one line per query and saves the output to DIR/search-scale.txt.

Needs what the browser tests need (chromium, chromium-driver, selenium) and about 10 GB of
memory and 8 GB of disk in DIR (tmpfs is fastest). Standard library only.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent

# Two-character words in most documents, long terms whose pairs are, and queries of several
# such words: the queries a budget of postings has to bound.
QUERIES = [
    "党员", "支部", "学习", "主题党日", "民主评议党员", "发展党员", "党员 支部 学习",
    "党员 支部 学习 会议 组织", "主题党日 组织生活会 党员",
]


def run(command: list[str], **options) -> None:
    print("+ " + " ".join(command), flush=True)
    subprocess.run(command, check=True, **options)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", default="/tmp/zhibu-search-scale")
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--query", action="append")
    args = parser.parse_args()
    work = Path(args.work)
    source = work / "source"
    site = source / "zhibu" / "Site"
    scaled = work / "scaled"

    # The flags of the README's build, so that the two products share one build.
    for product in ("zhibu", "ZhibuSearchScale"):
        run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", product],
            cwd=REPO)
    if not (site / "search-index.json").exists():
        run([sys.executable, str(BENCH / "generate.py"), "--records", str(args.records),
             "--out", str(source)])
        # Findings are expected in generated data: exit 1 still publishes the site.
        built = subprocess.run([str(REPO / ".build/release/zhibu"), "--site",
                                str(source / "zhibu"), "build", "--quiet"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if built.returncode not in (0, 1):
            print(f"search_scale: zhibu build exited {built.returncode}", file=sys.stderr)
            return 1
    shutil.rmtree(scaled, ignore_errors=True)
    (scaled / "search").mkdir(parents=True)
    # The search page and the assets it loads, then the scaled index beside them.
    shutil.copy(site / "search" / "index.html", scaled / "search" / "index.html")
    shutil.copytree(site / "_z", scaled / "_z")
    run([str(REPO / ".build/release/ZhibuSearchScale"), str(site), str(args.factor),
         str(scaled)])
    command = [sys.executable, str(REPO / "Tests/Site/check_search.py"), str(scaled),
               "--each-first", "--budget-ms", "5000"]
    for query in args.query or QUERIES:
        command += ["--query", query]
    print("+ " + " ".join(command), flush=True)
    result = subprocess.run(command, capture_output=True, text=True)
    output = result.stdout + result.stderr
    (work / "search-scale.txt").write_text(output, encoding="utf-8")
    for line in output.splitlines():
        if re.search(r"KB downloaded|KB of meta|FAILED|: ok$", line) or "problem" in line:
            print(line)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
