#!/usr/bin/env python3
"""Checks zhibu's CI templates: the GitHub Action, the workflows and the GitLab CI template.

Usage: check_workflows.py [REPOSITORY_ROOT]   (default: two folders above this script)

1. Each file is validated with PyPI ``check-jsonschema`` against the schema GitHub or GitLab
   files are written to, using the copies bundled with the package (``--builtin-schema``), so
   nothing is fetched from the network:

     vendor.github-workflows   ci/github-pages.yml, ci/github-pages-sharded.yml,
                               .github/workflows/*.yml
     vendor.github-actions     action.yml
     vendor.gitlab-ci          ci/zhibu.gitlab-ci.yml, ci/zhibu-sharded.gitlab-ci.yml

2. Every shell script in those files (``run:`` of a step, ``script:``, ``before_script:`` and
   ``after_script:`` of a GitLab job) must be valid shell (``bash -n``), and every zhibu command
   line in them may use only the subcommands and options in ``ALLOWED``. A zhibu command line
   is a command whose name is ``zhibu`` (or a path ending in ``/zhibu``), or the assignment of a
   bash array named ``zhibu_args``, which the Action builds its command lines in. Without
   PyYAML, the lines of the files are scanned as text instead.

Prints one line per problem and ``check_workflows: N files, M problems``; exits 1 when there is
a problem, 2 when ``check-jsonschema`` is not installed.
"""

import glob
import os
import re
import shlex
import shutil
import subprocess
import sys

try:
    import yaml
except ImportError:  # the text scan below stands in
    yaml = None

ALLOWED = {
    "check", "build", "merge", "--shard", "--report", "--strict", "--fail-on", "--destination", "--base-url",
    "--audience", "--site", "--lang", "--quiet", "--format",
}
# Options followed by a value (unless written --option=value).
TAKES_VALUE = {
    "--shard", "--report", "--fail-on", "--destination", "--base-url", "--audience", "--site", "--lang",
    "--format",
}
SCRIPT_KEYS = {"run", "script", "before_script", "after_script"}
# Words after which a new command starts.
COMMAND_START = {";", "&&", "||", "|", "&", "(", ")", "{", "}", "!", "then", "do", "else",
                 "elif", "if", "while", "until", "time", ";;", "$("}


def groups(root):
    """(schema, [files]) pairs; a file that should exist and does not is reported."""
    workflows = sorted(glob.glob(os.path.join(root, ".github", "workflows", "*.yml")))
    return [
        ("vendor.github-workflows",
         [os.path.join(root, "ci", "github-pages.yml"),
          os.path.join(root, "ci", "github-pages-sharded.yml")] + workflows),
        ("vendor.github-actions", [os.path.join(root, "action.yml")]),
        ("vendor.gitlab-ci", [os.path.join(root, "ci", "zhibu.gitlab-ci.yml"),
                              os.path.join(root, "ci", "zhibu-sharded.gitlab-ci.yml")]),
    ]


def validate(root, schema, files):
    """Runs check-jsonschema once for a group; returns its output when it fails."""
    # Built-in schemas are read from the installed package; formats are checked offline too.
    # HTTP(S)_PROXY pointing nowhere makes any attempt at the network fail loudly, not hang.
    env = dict(os.environ, HTTP_PROXY="http://127.0.0.1:9", HTTPS_PROXY="http://127.0.0.1:9")
    result = subprocess.run(
        ["check-jsonschema", "--builtin-schema", schema]
        + [os.path.relpath(path, root) for path in files],
        capture_output=True, text=True, env=env, cwd=root)
    return None if result.returncode == 0 else (result.stdout + result.stderr).strip()


def scripts_from_yaml(path):
    """Every shell script in the file: (where, shell, text)."""
    with open(path, encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    found = []

    def walk(node, where, shell):
        if isinstance(node, dict):
            shell = node.get("shell", shell) if isinstance(node.get("shell"), str) else shell
            for key, value in node.items():
                place = f"{where}.{key}" if where else str(key)
                if key in SCRIPT_KEYS and isinstance(value, str):
                    found.append((place, shell, value))
                elif key in SCRIPT_KEYS and isinstance(value, list):
                    for index, item in enumerate(value):
                        if isinstance(item, str):
                            found.append((f"{place}[{index}]", shell, item))
                else:
                    walk(value, place, shell)
        elif isinstance(node, list):
            for index, item in enumerate(node):
                walk(item, f"{where}[{index}]", shell)

    walk(document, "", "bash")
    return found


def scripts_from_text(path):
    """Without PyYAML: each line that is not a comment, with YAML's `- ` and `run: ` removed."""
    found = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            text = line.strip()
            if not text or text.startswith("#"):
                continue
            text = re.sub(r"^-\s+", "", text)
            text = re.sub(r"^(run|script|before_script|after_script):\s*", "", text)
            found.append((f"line {number}", None, text))
    return found


def tokens(line):
    """Shell words and operators of one command line (quotes removed, comments dropped)."""
    lexer = shlex.shlex(line, posix=True, punctuation_chars=";&|()<>")
    lexer.whitespace_split = True
    lexer.commenters = "#"
    try:
        return list(lexer)
    except ValueError:  # a quote that closes on a later line: words as written
        return line.split()


def zhibu_commands(line):
    """(kind, words) of each zhibu command line: after `zhibu`, or in zhibu_args=(…)."""
    words = tokens(line)
    commands = []
    index = 0
    while index < len(words):
        word = words[index]
        starts = index == 0 or words[index - 1] in COMMAND_START
        assignment = re.match(r"[A-Za-z_][A-Za-z0-9_]*\+?=", word)
        if starts and not assignment and (word == "zhibu" or word.endswith("/zhibu")):
            end = index + 1
            while end < len(words) and words[end] not in COMMAND_START:
                end += 1
            commands.append(("zhibu", words[index + 1:end]))
            index = end
            continue
        if (re.fullmatch(r"zhibu_args\+?=", word) and index + 1 < len(words)
                and words[index + 1] == "("):
            end = index + 2
            while end < len(words) and words[end] != ")":
                end += 1
            commands.append((word, words[index + 2:end]))
            index = end
            continue
        index += 1
    return commands


def split_commands(script):
    """Splits a script into lines that each hold whole commands (so newlines end commands)."""
    lines, current = [], ""
    for line in script.split("\n"):
        current += line
        if current.endswith("\\"):
            current = current[:-1] + " "
            continue
        lines.append(current)
        current = ""
    if current:
        lines.append(current)
    return lines


def option_problems(kind, words):
    """Problems with the subcommand and options of one zhibu command line."""
    problems = []
    subcommand = None
    skip = False
    for word in words:
        if skip:
            skip = False
            continue
        if word in (">", ">>", "<", "2", "&"):
            break
        if word.startswith("-"):
            name = word.split("=", 1)[0]
            if name not in ALLOWED:
                problems.append(f"option `{name}` is not one zhibu's CI files may use")
            elif name in TAKES_VALUE and "=" not in word:
                skip = True
            continue
        if subcommand is None and not word.startswith("$"):
            subcommand = word
            if word not in ALLOWED:
                problems.append(f"subcommand `{word}` is not check or build")
    if kind in ("zhibu", "zhibu_args=") and subcommand is None:
        if not any(word.startswith("$") for word in words):
            problems.append("no subcommand (check or build)")
    return problems


def check_scripts(path, root):
    """Shell syntax and zhibu command lines of one file."""
    problems = []
    relative = os.path.relpath(path, root)
    scripts = scripts_from_yaml(path) if yaml else scripts_from_text(path)
    bash = shutil.which("bash")
    for where, shell, text in scripts:
        if yaml and bash and (shell or "bash").split()[0] in ("bash", "sh"):
            result = subprocess.run([bash, "-n"], input=text, capture_output=True, text=True)
            if result.returncode != 0:
                problems.append(f"{relative}: {where}: not valid shell: {result.stderr.strip()}")
        for line in split_commands(text):
            for kind, words in zhibu_commands(line):
                for problem in option_problems(kind, words):
                    shown = " ".join(words)
                    problems.append(f"{relative}: {where}: `zhibu {shown}`: {problem}"
                                    if kind == "zhibu" else
                                    f"{relative}: {where}: `{kind}({shown})`: {problem}")
    return problems


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", ".."))
    if shutil.which("check-jsonschema") is None:
        print("check_workflows: check-jsonschema is not installed (pip install check-jsonschema, "
              "or bash .ci/setup --test)", file=sys.stderr)
        return 2

    problems = []
    files = []
    for schema, paths in groups(root):
        present = []
        for path in paths:
            if os.path.isfile(path):
                present.append(path)
            else:
                problems.append(f"{os.path.relpath(path, root)}: missing")
        files += present
        if present:
            output = validate(root, schema, present)
            if output:
                problems.append(f"{schema}: " + output.replace("\n", "\n    "))
    for path in files:
        try:
            problems += check_scripts(path, root)
        except Exception as error:  # a file PyYAML cannot read is a problem, not a crash
            problems.append(f"{os.path.relpath(path, root)}: cannot be read: {error}")

    for problem in problems:
        print(problem)
    mode = "" if yaml else " (without PyYAML: zhibu command lines scanned as text)"
    print(f"check_workflows: {len(files)} files, {len(problems)} problems{mode}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
