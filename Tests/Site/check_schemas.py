#!/usr/bin/env python3
"""Validates a zhibu site's files against the schemas ``zhibu schema`` wrote, with an
independent validator (PyPI ``check-jsonschema``).

Usage: check_schemas.py SCHEMA_DIR CONTENT_DIR

``site.yml``, every ``org.yml``, ``members.yml`` and ``development.yml`` are validated as they
are; the front matter of every record, system, post, notice and page is cut out into a YAML
file of its own first (editors validate it the same way). Then a copy of one record with a
misspelt field (``titel``) and one with an unknown type must both be rejected. Exits 1 with
one line per problem, 2 when ``check-jsonschema`` is not installed.
"""

import os
import shutil
import subprocess
import sys
import tempfile


def front_matter(path):
    with open(path, encoding="utf-8-sig") as handle:
        text = handle.read()
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            return "\n".join(lines[1:end]) + "\n"
    return None


def kind_of(relative):
    parts = relative.split("/")
    name = parts[-1]
    if name == "site.yml" and len(parts) == 1:
        return "site"
    if name in ("org.yml", "members.yml", "development.yml"):
        return name[:-4]
    if not name.endswith(".md"):
        return None
    if parts[0] == "pages":
        return "page"
    for folder, kind in (("activities", "record"), ("systems", "system"), ("posts", "post"),
                         ("notices", "notice")):
        if folder in parts[:-1]:
            return kind
    return None


def validate(schema, files):
    """Runs check-jsonschema once for many files; returns its output when it fails."""
    if not files:
        return None
    result = subprocess.run(
        ["check-jsonschema", "--schemafile", schema, "--disable-formats", "*"] + files,
        capture_output=True, text=True)
    return None if result.returncode == 0 else (result.stdout + result.stderr).strip()


def main():
    if shutil.which("check-jsonschema") is None:
        print("check_schemas: check-jsonschema is not installed; run: pip install check-jsonschema",
              file=sys.stderr)
        return 2
    schemas, content = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp(prefix="zhibu-schemas-")
    by_kind = {}
    sample_record = None
    for root, _, names in os.walk(content):
        for name in sorted(names):
            path = os.path.join(root, name)
            relative = os.path.relpath(path, content).replace(os.sep, "/")
            kind = kind_of(relative)
            if kind is None:
                continue
            if name.endswith(".md"):
                matter = front_matter(path)
                if matter is None:
                    continue
                path = os.path.join(work, relative.replace("/", "__") + ".yml")
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write(matter)
                if kind == "record" and sample_record is None:
                    sample_record = matter
            by_kind.setdefault(kind, []).append(path)
    problems = []
    expected = {"site", "org", "members", "record", "system", "post", "notice"}
    missing = expected - set(by_kind)
    if missing:
        problems.append(f"no files of kind {sorted(missing)} in {content}")
    for kind, files in sorted(by_kind.items()):
        failure = validate(os.path.join(schemas, f"{kind}.schema.json"), sorted(files))
        if failure:
            problems.append(f"{kind}: {failure}")
    if sample_record:
        for label, text in (
            ("a misspelt field", sample_record.replace("title:", "titel:", 1)),
            ("an unknown type", "type: themed-dya\n" + "\n".join(
                line for line in sample_record.split("\n") if not line.startswith("type:"))),
        ):
            path = os.path.join(work, "bad.yml")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
            if validate(os.path.join(schemas, "record.schema.json"), [path]) is None:
                problems.append(f"record schema accepted {label}")
    shutil.rmtree(work, ignore_errors=True)
    for problem in problems:
        print(problem)
    print(f"check_schemas: {sum(len(files) for files in by_kind.values())} files, "
          f"{len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
