#!/usr/bin/env python3
"""Work grows in proportion to organizations, not to their square.

Builds (render to memory, one job) two generated sites of sibling branches under one
committee, N and 2N branches with two records each, and compares the CPU time: a stage that
did work proportional to organizations × organizations or organizations × findings would
make the ratio about 4; linear work makes it about 2. The test fails at 2.3.

CPU time is the child's user time from os.wait4. On a shared machine (a CI runner, a VM) the
same build varies by a quarter from minute to minute, so the two sizes run in five interleaved
pairs, back to back, and the test holds the median of the pairs' ratios. Run with the release binary:

    python3 Tests/Site/check_linearity.py --zhibu .build-portable/zhibu [--branches 1000]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATE = os.path.join(HERE, "..", "..", "bench", "generate.py")
LIMIT = 2.3


def cpu_seconds(command, cwd):
    # Standard error to a file, not a pipe: read only after the wait, a full pipe would stall.
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        errors.seek(0)
        stderr = errors.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    # Exit 1 means findings, which generated sites have; anything else is a failure.
    if code not in (0, 1):
        sys.exit(f"check_linearity: {' '.join(command)} exited {code}\n{stderr}")
    # User time only: the kernel's share is mostly clearing fresh pages, which varies with
    # what else the machine holds and would make the ratio noisy.
    return usage.ru_utime


def generate(work, branches):
    out = os.path.join(work, f"b{branches}")
    subprocess.run([sys.executable, GENERATE, "--branches", str(branches),
                    "--records", str(2 * branches), "--out", out],
                   check=True, stdout=subprocess.DEVNULL)
    return os.path.join(out, "zhibu")


def build(zhibu, site):
    command = [zhibu, "--site", site, "build", "--render-to-memory", "--quiet", "--jobs", "1"]
    return cpu_seconds(command, site)


def measure(zhibu, small_site, large_site, args):
    """The median ratio of five interleaved pairs, printed with every run."""
    smalls, larges = [], []
    for _ in range(args.rounds):
        smalls.append(build(zhibu, small_site))
        larges.append(build(zhibu, large_site))
    # Each pair ran back to back, in the same spell of the machine: the median of their
    # ratios is what the test holds; a spell that slowed one size only moves one pair.
    ratio = statistics.median(b / a for a, b in zip(smalls, larges))
    print("check_linearity: runs " + ", ".join(
        f"{a:.2f}/{b:.2f}" for a, b in zip(smalls, larges)), file=sys.stderr)
    print(f"check_linearity: {args.branches} branches {min(smalls):.2f} s CPU, "
          f"{2 * args.branches} branches {min(larges):.2f} s CPU (least of each), "
          f"median ratio of the pairs {ratio:.2f} (limit {LIMIT}); "
          f"{1000 * min(larges) / (2 * args.branches):.2f} ms per branch")
    return ratio


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--zhibu", default=".build-portable/zhibu")
    parser.add_argument("--branches", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    zhibu = os.path.abspath(args.zhibu)
    with tempfile.TemporaryDirectory(prefix="zhibu-linearity-") as work:
        small_site = generate(work, args.branches)
        large_site = generate(work, 2 * args.branches)
        ratio = measure(zhibu, small_site, large_site, args)
        if ratio >= LIMIT:
            # A timing on a shared machine can fall in a slow spell for one size only; work
            # that really grows with the square (a ratio near 4) fails the second time too.
            print(f"check_linearity: ratio {ratio:.2f}, measuring again", file=sys.stderr)
            ratio = min(ratio, measure(zhibu, small_site, large_site, args))
    if ratio >= LIMIT:
        print(f"check_linearity: doubling the branches multiplied the work by {ratio:.2f}: "
              "some stage grows faster than the organizations", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
