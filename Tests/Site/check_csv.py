#!/usr/bin/env python3
"""Checks that an overview.csv opens as a spreadsheet would read it.

Usage: check_csv.py FILE ROWS

Fails unless FILE starts with a UTF-8 byte order mark (so that Excel reads it as UTF-8), parses
with Python's csv module into ROWS rows (the header included) of equal length, and no cell
starts with a character a spreadsheet would take for a formula.
"""

import csv
import io
import sys


def main():
    path, rows = sys.argv[1], int(sys.argv[2])
    data = open(path, "rb").read()
    problems = []
    if not data.startswith(b"\xef\xbb\xbf"):
        problems.append("no byte order mark")
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    if len(table) != rows:
        problems.append(f"{len(table)} rows, expected {rows}")
    widths = {len(row) for row in table}
    if len(widths) != 1:
        problems.append(f"rows of different lengths: {sorted(widths)}")
    for row in table:
        for cell in row:
            if cell[:1] in ("=", "+", "@") or (cell[:1] == "-" and not cell.lstrip("-").isdigit()):
                problems.append(f"a cell reads as a formula: {cell!r}")
    for problem in problems:
        print("FAIL", problem)
    print(f"check_csv: {len(table)} rows, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
