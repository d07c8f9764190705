#!/usr/bin/env python3
"""Work grows in proportion to organizations, not to their square.

Builds (render to memory, one job) two generated sites of sibling branches under one
committee, N and 2N branches with two records each, and compares the CPU time: a stage that
did work proportional to organizations × organizations or organizations × findings would
make the ratio about 4; linear work makes it about 2. The test fails at 2.3.

CPU time is the child's user time from os.wait4, the least of three runs, so that another
process on the machine does not count. Run with the release binary:

    python3 Tests/Site/check_linearity.py --zhibu .build-portable/zhibu [--branches 1000]
"""

import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATE = os.path.join(HERE, "..", "..", "bench", "generate.py")
LIMIT = 2.3


def cpu_seconds(command, cwd):
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    # Exit 1 means findings, which generated sites have; anything else is a failure.
    if code not in (0, 1):
        sys.exit(f"check_linearity: {' '.join(command)} exited {code}\n{stderr}")
    # User time only: the kernel's share is mostly clearing fresh pages, which varies with
    # what else the machine holds and would make the ratio noisy.
    return usage.ru_utime


def measure(zhibu, work, branches, rounds):
    out = os.path.join(work, f"b{branches}")
    subprocess.run([sys.executable, GENERATE, "--branches", str(branches),
                    "--records", str(2 * branches), "--out", out],
                   check=True, stdout=subprocess.DEVNULL)
    site = os.path.join(out, "zhibu")
    command = [zhibu, "--site", site, "build", "--render-to-memory", "--quiet", "--jobs", "1"]
    return min(cpu_seconds(command, site) for _ in range(rounds))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--zhibu", default=".build-portable/zhibu")
    parser.add_argument("--branches", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    zhibu = os.path.abspath(args.zhibu)
    with tempfile.TemporaryDirectory(prefix="zhibu-linearity-") as work:
        small = measure(zhibu, work, args.branches, args.rounds)
        large = measure(zhibu, work, 2 * args.branches, args.rounds)
    ratio = large / small
    print(f"check_linearity: {args.branches} branches {small:.2f} s CPU, "
          f"{2 * args.branches} branches {large:.2f} s CPU, ratio {ratio:.2f} "
          f"(limit {LIMIT}); {1000 * large / (2 * args.branches):.2f} ms per branch")
    if ratio >= LIMIT:
        print(f"check_linearity: doubling the branches multiplied the work by {ratio:.2f}: "
              "some stage grows faster than the organizations", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
