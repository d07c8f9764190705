#!/usr/bin/env python3
"""Benchmark zhibu against Hugo on the same generated records (the targets are in
bench/README.md).

    python3 bench/run.py [--records N] [--rounds R] [--work DIR] [--only check,memory,...]

1. generates the data set into DIR (default /tmp/zhibu-bench) with bench/generate.py, unless
   DIR already holds one of N records made by the same generator;
2. builds zhibu in release mode if .build/release/zhibu is missing (`swift build -c release
   --static-swift-stdlib --product zhibu` at the repository root, as the README builds it);
3. runs R interleaved rounds of every benchmark, each command as a child process whose wall time
   and peak RSS (ru_maxrss from wait4) are recorded;
4. prints a Markdown report (medians, minima, peak RSS, zhibu/Hugo ratios against the targets of
   bench/README.md) and writes it to DIR/results.md.

Standard library only. A command that zhibu does not implement yet is reported as
"n/a (not implemented)"; a missing zhibu or hugo binary is reported and the other side still runs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
GENERATOR = BENCH / "generate.py"
ZHIBU_DEFAULT = REPO / ".build" / "release" / "zhibu"

# Benchmarks, in the order they run within a round; names are the values of --only.
BENCHMARKS = ["check", "memory", "fresh", "nochange", "edit"]
# No-change rebuilds timed one after another in each round (see `bench_nochange`).
NOCHANGE_RUNS = 5
LABELS = {
    "check": "zhibu check",
    "memory": "render to memory",
    "fresh": "fresh build",
    "nochange": "no-change rebuild",
    "edit": "one-edit rebuild",
}

# Shapes of site: (records, branches, general branches between the committee and them).
# `classic` is record-heavy (few branches, 500 records each); the `orgs…` shapes are shaped like
# real committees, cities and provinces: many branches with a few dozen records each, spread
# over general branches. Organizations = 1 committee + general branches + branches.
SHAPES = {
    "classic": (10000, 20, 0),
    "orgs100": (6270, 95, 4),
    "orgs150": (9504, 144, 5),
    "orgs1000": (29370, 979, 20),
    "orgs10000": (197980, 9899, 100),
}

# What a "this option/command does not exist" failure looks like (ArgumentParser and friends).
NOT_IMPLEMENTED_RE = re.compile(
    r"unknown|unexpected argument|unrecognized|not implemented|unsupported|no such (sub)?command|"
    r"invalid (option|argument|command)", re.IGNORECASE)


# --------------------------------------------------------------------------------------
# Running one command
# --------------------------------------------------------------------------------------

@dataclass
class Run:
    seconds: float
    cpu: float             # user + system CPU seconds of the child and its descendants
    maxrss_kib: int        # peak resident set size (ru_maxrss, KiB on Linux)
    code: int              # exit code (negative: killed by that signal)
    output: str            # stdout + stderr (tail), for error reports


def timed(cmd: list, timeout: float, cwd: Path | None = None) -> Run:
    """Run `cmd`, wait for it with os.wait4 and return its wall time and resource usage.

    Output goes to a temporary file (not a pipe, so that the child can never block on it).
    The page cache is flushed (sync, untimed) first so that one command's write-back does
    not land in the next one's time."""
    os.sync()
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                cwd=cwd, start_new_session=True)
        # A watchdog kills the child's process group if it runs past the timeout.
        timer = threading.Timer(timeout, kill_group, (proc.pid,))
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        proc.returncode = code  # reaped by wait4: keep Popen from waiting again
        out.seek(0)
        text = out.read()[-4000:].decode("utf-8", "replace")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, code, text)


def kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


# --------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------

@dataclass
class Series:
    """All runs of one command of one benchmark, plus its status and notes."""
    bench: str
    tool: str                                   # zhibu | hugo
    runs: list = field(default_factory=list)
    status: str = ""                            # "" = ok, else n/a / failed explanation
    notes: list = field(default_factory=list)   # per-round notes (e.g. files changed)
    codes: set = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return not self.status and bool(self.runs)

    def median(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    def minimum(self) -> float:
        return min(r.seconds for r in self.runs)

    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    def maxrss_mib(self) -> float:
        return max(r.maxrss_kib for r in self.runs) / 1024


class Bench:
    def __init__(self, args):
        self.args = args
        self.work: Path = args.work
        self.zsite = self.work / "zhibu"
        self.hsite = self.work / "hugo"
        self.zhibu = args.zhibu
        self.hugo = args.hugo
        self.zhibu_reason = ""     # why zhibu cannot run at all, if it cannot
        self.hugo_reason = ""
        self.series: dict = {}
        self.facts: list = []      # lines for the report header

    # ---- setup ----------------------------------------------------------------------

    @property
    def organizations(self) -> int:
        return 1 + self.args.nest + self.args.branches

    def generate(self) -> None:
        marker = self.work / "generated.json"
        digest = hashlib.sha256(GENERATOR.read_bytes()).hexdigest()
        want = {"records": self.args.records, "branches": self.args.branches,
                "nest": self.args.nest, "generator_sha256": digest}
        try:
            have = json.loads(marker.read_text())
        except (OSError, ValueError):
            have = None
        if have == want and (self.zsite / "Content").is_dir() and (self.hsite / "content").is_dir():
            self.facts.append(f"data: {self.args.records} records in {self.organizations} "
                              f"organizations, reused from {self.work}")
            return
        log(f"generating {self.args.records} records into {self.work} …")
        self.work.mkdir(parents=True, exist_ok=True)
        marker.unlink(missing_ok=True)
        start = time.perf_counter()
        subprocess.run([sys.executable, str(GENERATOR), "--records", str(self.args.records),
                        "--branches", str(self.args.branches), "--nest", str(self.args.nest),
                        "--out", str(self.work)], check=True)
        elapsed = time.perf_counter() - start
        marker.write_text(json.dumps(want) + "\n")
        self.facts.append(f"data: {self.args.records} records in {self.organizations} "
                          f"organizations, generated in {elapsed:.1f} s")

    def prepare_zhibu(self) -> None:
        if self.args.skip_zhibu:
            self.zhibu_reason = "skipped (--skip-zhibu)"
            return
        if not self.zhibu.exists() and self.zhibu == ZHIBU_DEFAULT and not self.args.no_build:
            if not (REPO / "Package.swift").exists():
                self.zhibu_reason = f"not built ({self.zhibu} missing, no Package.swift in {REPO})"
            elif shutil.which("swift") is None:
                self.zhibu_reason = f"not built ({self.zhibu} missing, swift not on PATH)"
            else:
                log("building zhibu: swift build -c release --static-swift-stdlib --product zhibu …")
                start = time.perf_counter()
                proc = subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib",
                                       "--product", "zhibu"],
                                      cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                if proc.returncode != 0:
                    tail = "\n".join(proc.stdout.strip().splitlines()[-15:])
                    log(f"swift build failed (exit {proc.returncode}):\n{tail}")
                    self.zhibu_reason = f"not built (swift build failed, exit {proc.returncode})"
                else:
                    self.facts.append(f"zhibu: built in release mode in {time.perf_counter() - start:.0f} s")
        if not self.zhibu_reason and not self.zhibu.exists():
            self.zhibu_reason = f"not available ({self.zhibu} missing)"
        if self.zhibu_reason:
            log(f"zhibu: {self.zhibu_reason}; timing Hugo only")
        self.facts.append(f"zhibu: {self.zhibu if not self.zhibu_reason else self.zhibu_reason}")

    def prepare_hugo(self) -> None:
        if self.args.skip_hugo:
            self.hugo_reason = "skipped (--skip-hugo)"
        elif shutil.which(self.hugo) is None:
            self.hugo_reason = f"not available ({self.hugo} not found)"
        if self.hugo_reason:
            self.facts.append(f"hugo: {self.hugo_reason}")
            return
        version = subprocess.run([self.hugo, "version"], stdout=subprocess.PIPE, text=True).stdout.strip()
        self.facts.append(f"hugo: {version}")

    # ---- commands -------------------------------------------------------------------

    def zcmd(self, *args) -> list:
        return [str(self.zhibu), "--site", str(self.zsite), *args]

    def hcmd(self, *args) -> list:
        return [self.hugo, "--source", str(self.hsite), *args]

    def get(self, bench: str, tool: str) -> Series:
        return self.series.setdefault((bench, tool), Series(bench, tool))

    def measure(self, bench: str, tool: str, cmd: list, ok_codes=(0,)) -> Run | None:
        """Time one command into its series; None if it cannot run or failed."""
        s = self.get(bench, tool)
        reason = self.zhibu_reason if tool == "zhibu" else self.hugo_reason
        if reason:
            s.status = reason
            return None
        if s.status:                # already n/a or failed in an earlier round
            return None
        run = timed(cmd, self.args.timeout)
        s.codes.add(run.code)
        if run.code in ok_codes:
            s.runs.append(run)
            return run
        if run.code in (2, 64) and NOT_IMPLEMENTED_RE.search(run.output):
            s.status = "n/a (not implemented)"
        elif run.code < 0:
            s.status = f"failed (killed by signal {-run.code}" + \
                       (", timeout)" if run.seconds >= self.args.timeout else ")")
        else:
            s.status = f"failed (exit {run.code})"
        last = run.output.strip().splitlines()[-3:]
        log(f"{LABELS[bench]} / {tool}: {s.status}: {' | '.join(last)}")
        return None

    def zhibu_usable(self, bench: str) -> bool:
        s = self.get(bench, "zhibu")
        if self.zhibu_reason:
            s.status = self.zhibu_reason
            return False
        return not s.status

    def ensure_built(self, bench: str) -> bool:
        """The rebuild benchmarks need a published Site/: build it (untimed) if missing."""
        if (self.zsite / "Site").exists():
            return True
        run = timed(self.zcmd("build", "--quiet"), self.args.timeout)
        if run.code in (0, 1) and (self.zsite / "Site").exists():
            return True
        self.get(bench, "zhibu").status = "n/a (zhibu build did not produce Site/)"
        return False

    # ---- the benchmarks -------------------------------------------------------------

    def pair(self, bench: str, zargs: list, hargs: list, round_no: int, before=None) -> None:
        """Run the zhibu and Hugo commands of one pair; the order alternates between rounds."""
        steps = [("zhibu", self.zcmd(*zargs), (0, 1)), ("hugo", self.hcmd(*hargs), (0,))]
        if round_no % 2:
            steps.reverse()
        for tool, cmd, ok in steps:
            if before:
                before(tool)
            self.measure(bench, tool, cmd, ok)

    def clean(self, tool: str) -> None:
        """Delete the outputs and caches (untimed) before a fresh build."""
        if tool == "zhibu":
            for name in ("Site", ".zhibu"):
                remove(self.zsite / name)
        else:
            remove(self.hsite / "public")
            remove(self.hsite / "resources")

    def bench_check(self, r: int) -> None:
        # Exit 1 means findings: the generated site has some on purpose (no org-life meetings …).
        self.measure("check", "zhibu", self.zcmd("check", "--quiet"), (0, 1))

    def bench_memory(self, r: int) -> None:
        self.pair("memory", ["build", "--render-to-memory", "--quiet"], ["--renderToMemory", "--quiet"], r)

    def bench_fresh(self, r: int) -> None:
        self.pair("fresh", ["build", "--quiet"], ["--quiet"], r, before=self.clean)
        for tool, root in (("zhibu", self.zsite / "Site"), ("hugo", self.hsite / "public")):
            s = self.get("fresh", tool)
            if s.ok and len(s.runs) == r + 1:
                s.notes.append(f"{count_files(root)} files")

    def bench_nochange(self, r: int) -> None:
        if not self.zhibu_usable("nochange") or not self.ensure_built("nochange"):
            return
        if "fresh" not in self.args.only:
            # Nothing built this round: settle Site/ with the current content first (untimed).
            timed(self.zcmd("build", "--quiet"), self.args.timeout)
        site = self.zsite / "Site"
        before = snapshot(site, hashes=False)
        # Several in a row: one run of about a tenth of a second moves by a fifth with the
        # machine's noise, so a median of three could not tell 4.8 % from 5.2 %.
        for _ in range(NOCHANGE_RUNS):
            if not self.measure("nochange", "zhibu", self.zcmd("build", "--quiet"), (0, 1)):
                return
        after = snapshot(site, hashes=False)
        changed = diff(before, after)
        self.get("nochange", "zhibu").notes.append((changed, len(after)))

    def bench_edit(self, r: int) -> None:
        if not self.zhibu_usable("edit") or not self.ensure_built("edit"):
            return
        site = self.zsite / "Site"
        record = edit_target(self.zsite)
        original = record.read_bytes()
        stat = record.stat()
        before = snapshot(site, hashes=True)
        try:
            with open(record, "a", encoding="utf-8") as f:
                f.write(f"\n会后补记：本记录于基准测试第{r + 1}轮修改。\n")
            if self.measure("edit", "zhibu", self.zcmd("build", "--quiet"), (0, 1)):
                after = snapshot(site, hashes=True)
                self.get("edit", "zhibu").notes.append((diff(before, after), len(after)))
        finally:
            # Restore the record (bytes and mtime) so that the data set stays as generated.
            record.write_bytes(original)
            os.utime(record, ns=(stat.st_atime_ns, stat.st_mtime_ns))

    # ---- driver ---------------------------------------------------------------------

    def run(self) -> None:
        only = self.args.only
        for r in range(self.args.rounds):
            log(f"round {r + 1}/{self.args.rounds}")
            for name in BENCHMARKS:
                if name in only:
                    getattr(self, f"bench_{name}")(r)

    # ---- report ---------------------------------------------------------------------

    def report(self) -> str:
        lines = [f"# zhibu benchmark — {datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}", ""]
        cores = os.cpu_count()
        usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
        lines.append(f"- machine: {cores} cores ({usable} usable), {platform.system()} {platform.release()} "
                     f"{platform.machine()}, {mem_total()}")
        lines += [f"- {f}" for f in self.facts]
        if (fs := file_system(self.args.work)):
            lines.append(f"- work folder's file system: {fs}")
        lines.append(f"- rounds: {self.args.rounds}, interleaved (pair order alternates); "
                     f"`sync` before every timed command")
        lines += ["", "| benchmark | tool | median | min | CPU (median) | peak RSS | runs | notes |",
                  "|---|---|---:|---:|---:|---:|---:|---|"]
        for name in BENCHMARKS:
            if name not in self.args.only:
                continue
            for tool in ("zhibu", "hugo"):
                s = self.series.get((name, tool))
                if s is None:
                    continue
                if not s.ok:
                    lines.append(f"| {LABELS[name]} | {tool} | {s.status or 'n/a'} | | | | 0 | |")
                    continue
                lines.append(f"| {LABELS[name]} | {tool} | {s.median():.3f} s | {s.minimum():.3f} s | "
                             f"{s.cpu():.2f} s | {s.maxrss_mib():.0f} MiB | {len(s.runs)} | {self.note(s)} |")
        lines += ["", "## Per record and per organization (render to memory, median)", "",
                  "| tool | time | per record | per organization |", "|---|---:|---:|---:|"]
        for tool in ("zhibu", "hugo"):
            m = self.series.get(("memory", tool))
            if m is not None and m.ok:
                lines.append(f"| {tool} | {m.median():.3f} s | "
                             f"{1e6 * m.median() / self.args.records:.0f} µs | "
                             f"{1e3 * m.median() / self.organizations:.2f} ms |")
        lines += ["", "## Against the speed targets", "",
                  "| measure | value | target | met |", "|---|---:|---:|---|"]
        lines += self.target_rows()
        return "\n".join(lines) + "\n"

    def note(self, s: Series) -> str:
        notes = []
        if s.bench == "check":
            notes.append("exit " + "/".join(str(c) for c in sorted(s.codes)) + " (1 = findings)")
        if s.bench in ("nochange", "edit") and s.notes:
            worst = max(s.notes, key=lambda n: n[0])
            what = "mtime changed" if s.bench == "nochange" else "mtime or content changed"
            notes.append(f"files {what}: max {worst[0]} of {worst[1]} ({pct(worst[0], worst[1])})")
        elif s.notes:
            notes.append(s.notes[-1])
        return "; ".join(notes)

    def target_rows(self) -> list:
        rows = []

        def ok(name, tool):
            s = self.series.get((name, tool))
            return s if s is not None and s.ok else None

        def row(measure, value, target, met):
            rows.append(f"| {measure} | {value} | {target} | {'yes' if met else '**no**'} |")

        if (s := ok("check", "zhibu")):
            row("`check` time (median)", f"{s.median():.3f} s", "< 1 s", s.median() < 1)
        for name, limit in (("memory", 0.25), ("fresh", 0.8)):
            z, h = ok(name, "zhibu"), ok(name, "hugo")
            if z and h:
                ratio = z.median() / h.median()
                row(f"{LABELS[name]}: zhibu / Hugo time (medians)", f"{ratio:.2f}×", f"≤ {limit}×", ratio <= limit)
                # The same target on CPU time, which a noisy machine moves less than wall time;
                # Hugo's includes its garbage collector's threads.
                cpu = z.cpu() / h.cpu() if h.cpu() else 0
                if cpu:
                    row(f"{LABELS[name]}: zhibu / Hugo CPU time (medians)", f"{cpu:.2f}×", f"≤ {limit}×",
                        cpu <= limit)
                rss = z.maxrss_mib() / h.maxrss_mib()
                row(f"{LABELS[name]}: zhibu / Hugo peak RSS", f"{rss:.2f}×", "≤ 0.5×", rss <= 0.5)
            elif name in self.args.only:
                rows.append(f"| {LABELS[name]}: zhibu / Hugo | n/a | ≤ {limit}× | |")
        if (n := ok("nochange", "zhibu")):
            if (f := ok("fresh", "zhibu")):
                ratio = n.median() / f.median()
                row("no-change rebuild / fresh build (medians)", pct(n.median(), f.median()), "< 5 %", ratio < 0.05)
            if n.notes:
                worst = max(c for c, _ in n.notes)
                row("no-change rebuild: files whose mtime changed (max)", str(worst), "0", worst == 0)
        if (e := ok("edit", "zhibu")) and e.notes:
            changed, total = max(e.notes, key=lambda n: n[0])
            row("one-edit rebuild: files written (max)", f"{changed} of {total} ({pct(changed, total)})",
                "< 1 %", changed < 0.01 * total)
        if not rows:
            rows.append("| (no pair of measurements) | | | |")
        return rows


# --------------------------------------------------------------------------------------
# File-tree helpers
# --------------------------------------------------------------------------------------

def remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


def walk_files(root: Path):
    """Relative paths of all regular files under root (following a symlinked root only)."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            full = os.path.join(dirpath, name)
            yield full, os.path.relpath(full, root)


def count_files(root: Path) -> int:
    return sum(1 for _ in walk_files(root)) if root.exists() else 0


def snapshot(root: Path, hashes: bool) -> dict:
    """{relative path: (mtime_ns, size, sha1 or None)} of every file under root."""
    snap = {}
    for full, rel in walk_files(root):
        try:
            st = os.stat(full)
            digest = None
            if hashes:
                with open(full, "rb") as f:
                    digest = hashlib.sha1(f.read()).digest()
        except FileNotFoundError:
            continue
        snap[rel] = (st.st_mtime_ns, st.st_size, digest)
    return snap


def diff(before: dict, after: dict) -> int:
    """Files added, removed, or with a different mtime, size or content."""
    return sum(1 for k in before.keys() | after.keys() if before.get(k) != after.get(k))


def edit_target(zsite: Path) -> Path:
    """A fixed record to edit: the middle one of the first branch's last year (sorted)."""
    records = sorted((zsite / "Content" / "orgs").rglob("activities/*/*.md"))
    if not records:
        raise SystemExit("no records to edit under " + str(zsite))
    first_branch = [p for p in records if p.parents[2] == records[0].parents[2]]
    return first_branch[len(first_branch) // 2]


def pct(part: float, whole: float) -> str:
    return f"{100 * part / whole:.2f} %" if whole else "n/a"


def file_system(path) -> str | None:
    """The file system under `path`, and a warning when it is ext4 without a journal.

    Without a journal, ext4 skips inodes freed in the last minute (six while their table block
    is unwritten) when it creates a file, scanning the rest of the group for each one: a fresh
    build right after deleting the last output then spends most of its time in the kernel, and
    more so the more files a tool writes. The journaled ext4 of a usual CI runner does not.
    """
    try:
        device = os.stat(path).st_dev
        target = None
        with open("/proc/self/mountinfo") as f:
            for line in f:
                fields = line.split()
                major, minor = fields[2].split(":")
                if os.makedev(int(major), int(minor)) == device:
                    target = (fields[fields.index("-") + 1], fields[fields.index("-") + 2])
        if target is None:
            return None
        kind, source = target
        if kind != "ext4":
            return kind
        name = os.path.basename(os.path.realpath(f"/sys/dev/block/{os.major(device)}:{os.minor(device)}"))
        journals = os.listdir("/proc/fs/jbd2") if os.path.isdir("/proc/fs/jbd2") else []
        if any(entry.startswith(name + "-") for entry in journals):
            return f"ext4 with a journal ({source})"
        return (f"ext4 **without a journal** ({source}): fresh builds after deleting the output are "
                f"slowed by inode allocation, for every tool and more for more files; not what a CI runner has")
    except (OSError, ValueError, IndexError):
        return None


def mem_total() -> str:
    try:
        with open("/proc/meminfo") as f:
            kib = int(f.readline().split()[1])
        return f"{kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        return "RAM unknown"


def log(msg: str) -> None:
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------

def solve(rows: list, ys: list) -> list | None:
    """Least squares of ys by the columns of rows, through the normal equations (Gaussian
    elimination with partial pivoting); None when the columns do not tell their costs apart."""
    n = len(rows[0])
    a = [[sum(x[i] * x[j] for x in rows) for j in range(n)] + [sum(x[i] * y for x, y in zip(rows, ys))]
         for i in range(n)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        if abs(a[pivot][col]) < 1e-12:
            return None
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(n):
            if r != col:
                f = a[r][col] / a[col][col]
                a[r] = [v - f * w for v, w in zip(a[r], a[col])]
    return [a[i][n] / a[i][i] for i in range(n)]


def fit(points: list) -> tuple | None:
    """Least squares of time = fixed + per_record · records + per_org · organizations, with
    no cost below zero.

    A negative cost means nothing, but the machine's noise over three or four shapes can give
    one: the fit is then the best among those that hold some costs at zero (every choice is
    tried, which for three costs is exact). Returns (fixed, per_record, per_org, held), held
    the names of the costs held at zero; None when the shapes do not tell the costs apart
    (fewer than three, or all of the same proportions).

    points: (records, organizations, seconds)."""
    if len(points) < 3:
        return None
    names = ("fixed", "per record", "per organization")
    full = [(1.0, float(r), float(o)) for r, o, _ in points]
    ys = [t for _, _, t in points]
    if solve(full, ys) is None:
        return None
    best = None
    for mask in range(7, 0, -1):
        kept = [i for i in range(3) if mask >> i & 1]
        coefficients = solve([[row[i] for i in kept] for row in full], ys)
        if coefficients is None or any(c < 0 for c in coefficients):
            continue
        model = [0.0, 0.0, 0.0]
        for i, c in zip(kept, coefficients):
            model[i] = c
        residual = sum((y - sum(m * x for m, x in zip(model, row))) ** 2
                       for row, y in zip(full, ys))
        # The most costs free wins a tie: a full fit with no negative cost is taken as it is.
        if best is None or residual < best[0] - 1e-15:
            best = (residual, model, [names[i] for i in range(3) if i not in kept])
    if best is None:
        return None
    _, model, held = best
    return (model[0], model[1], model[2], held)


def cost_model(results: list) -> str:
    """The per-record and per-organization costs of each tool, fitted over the shapes run."""
    lines = ["# Cost model over the shapes (render to memory, medians)", "",
             "time ≈ fixed + per record × records + per organization × organizations, "
             "least squares over the shapes below.", "",
             "| shape | records | organizations | zhibu | Hugo | zhibu / Hugo |", "|---|---:|---:|---:|---:|---:|"]
    points = {"zhibu": [], "hugo": []}
    for name, bench in results:
        medians = {}
        for tool in points:
            m = bench.series.get(("memory", tool))
            if m is not None and m.ok:
                medians[tool] = m.median()
                points[tool].append((bench.args.records, bench.organizations, m.median()))
        z, h = medians.get("zhibu"), medians.get("hugo")
        shown = [f"{m:.2f} s" if m else "n/a" for m in (z, h)]
        ratio = f"{z / h:.2f}×" if z and h else "n/a"
        lines.append(f"| {name} | {bench.args.records} | {bench.organizations} | "
                     f"{shown[0]} | {shown[1]} | {ratio} |")
    lines += ["", "| tool | fixed | per record | per organization |", "|---|---:|---:|---:|"]
    for tool, pts in points.items():
        model = fit(pts)
        if model:
            fixed, per_record, per_org, held = model
            note = f" (held at zero: {', '.join(held)})" if held else ""
            lines.append(f"| {tool}{note} | {fixed:.2f} s | {1e6 * per_record:.0f} µs | "
                         f"{1e3 * per_org:.2f} ms |")
        else:
            lines.append(f"| {tool} | n/a (needs three shapes of different proportions) | | |")
    return "\n".join(lines) + "\n"


def self_test() -> int:
    """Checks the cost model's fit on made-up timings: exact costs come back, a fit that
    would give a negative cost holds it at zero, and shapes of one proportion give none."""
    failures = []
    exact = [(r, o, 0.3 + r * 100e-6 + o * 1.5e-3) for r, o in ((10000, 21), (9504, 150), (29370, 1000))]
    model = fit(exact)
    if not model or model[3] or any(abs(a - b) > 1e-9 for a, b in zip(model, (0.3, 100e-6, 1.5e-3))):
        failures.append(f"exact costs not recovered: {model}")
    # Timings whose unconstrained fit has a negative fixed cost (measured 2026-12-04).
    noisy = fit([(10000, 21, 1.258), (9504, 150, 1.239), (29370, 1000, 4.521)])
    if not noisy or noisy[3] != ["fixed"] or noisy[0] != 0 or min(noisy[:3]) < 0:
        failures.append(f"a negative fixed cost was not held at zero: {noisy}")
    if fit([(1, 1, 1.0), (2, 2, 2.0), (3, 3, 3.0)]) is not None:
        failures.append("shapes of one proportion were fitted")
    if fit(exact[:2]) is not None:
        failures.append("two shapes were fitted")
    for failure in failures:
        print(f"bench self-test: {failure}", file=sys.stderr)
    if not failures:
        print("bench self-test: the cost model's fit holds")
    return 1 if failures else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark zhibu against Hugo on the same records (targets: bench/README.md).")
    ap.add_argument("--self-test", action="store_true",
                    help="check the cost model's fit on made-up timings, and run nothing else")
    ap.add_argument("--shape", default=None,
                    help="comma-separated shapes of site, each run in WORK/<shape>: "
                         + ", ".join(f"{k} ({r} records, {1 + n + b} organizations)"
                                     for k, (r, b, n) in SHAPES.items())
                         + "; with several, a cost model per record and per organization follows")
    ap.add_argument("--records", type=int, default=None, help="records in the data set (default 10000)")
    ap.add_argument("--branches", type=int, default=None, help="branches (default 20)")
    ap.add_argument("--nest", type=int, default=None,
                    help="general branches the branches are spread over (default 0: none)")
    ap.add_argument("--rounds", type=int, default=5, help="interleaved rounds (default 5)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/zhibu-bench"), help="data and output directory")
    ap.add_argument("--only", default=",".join(BENCHMARKS),
                    help=f"comma-separated subset of: {', '.join(BENCHMARKS)} (default: all)")
    ap.add_argument("--zhibu", type=Path, default=ZHIBU_DEFAULT, help="zhibu binary (default: release build)")
    ap.add_argument("--hugo", default="hugo", help="hugo binary (default: hugo on PATH)")
    ap.add_argument("--no-build", action="store_true", help="never run swift build")
    ap.add_argument("--skip-zhibu", action="store_true", help="time Hugo only")
    ap.add_argument("--skip-hugo", action="store_true", help="time zhibu only")
    ap.add_argument("--timeout", type=float, default=900, help="seconds before a command is killed")
    args = ap.parse_args(argv)
    if args.self_test:
        return self_test()
    args.work = args.work.resolve()
    args.only = [x.strip() for x in args.only.split(",") if x.strip()]
    unknown = [x for x in args.only if x not in BENCHMARKS]
    if unknown or args.rounds < 1:
        ap.error(f"bad --only {unknown}" if unknown else "--rounds must be >= 1")
    shapes = [x.strip() for x in (args.shape or "").split(",") if x.strip()]
    if any(x not in SHAPES for x in shapes):
        ap.error(f"unknown shape; known: {', '.join(SHAPES)}")
    if shapes and any(v is not None for v in (args.records, args.branches, args.nest)):
        ap.error("--shape and --records/--branches/--nest are alternatives")
    if not shapes:
        # One custom shape in WORK itself, as before shapes existed.
        custom = (args.records or 10000, args.branches or 20, args.nest or 0)
        runs = [(None, custom)]
    else:
        runs = [(name, SHAPES[name]) for name in shapes]
    results = []
    texts = []
    for name, (records, branches, nest) in runs:
        if records < 1 or not 1 <= branches <= 99999 or nest < 0:
            ap.error("--records must be >= 1, --branches in 1..99999, --nest >= 0")
        shape_args = argparse.Namespace(**vars(args))
        shape_args.records, shape_args.branches, shape_args.nest = records, branches, nest
        if name is not None:
            shape_args.work = args.work / name
        bench = Bench(shape_args)
        bench.generate()
        bench.prepare_zhibu()
        bench.prepare_hugo()
        bench.run()
        text = bench.report()
        if name is not None:
            text = text.replace("# zhibu benchmark", f"# zhibu benchmark, shape {name}", 1)
        print(text)
        texts.append(text)
        results.append((name or "custom", bench))
    if len(results) > 1:
        model = cost_model(results)
        print(model)
        texts.append(model)
    args.work.mkdir(parents=True, exist_ok=True)
    out = args.work / "results.md"
    out.write_text("\n".join(texts), encoding="utf-8")
    log(f"written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
