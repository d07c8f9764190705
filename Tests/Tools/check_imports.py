#!/usr/bin/env python3
"""The walls between zhibu's modules, kept by CI.

    python3 Tests/Tools/check_imports.py             # check the package in the current directory
    python3 Tests/Tools/check_imports.py --self-test # show that each kind of breach is caught

`swift build --explicit-target-dependency-import-check error` accepts any module a target
reaches indirectly, so a `import CCmark` in ZhibuKit or a `import ZhibuRules` in ZhibuCLI
would build. This check fails on:

1. an import that the module's allow-list below does not name (the architecture: which module
   may use which);
2. an import of a package module that Package.swift does not declare as a direct dependency
   of the target (`swift package dump-package` is read, not the manifest's text);
3. a dependency Package.swift declares that the allow-list does not name.

Imports inside `#if` branches count: every platform's imports are checked.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

# Modules of the toolchain and the operating system: never declared in Package.swift.
SYSTEM = {
    "Foundation", "FoundationEssentials", "FoundationXML", "Dispatch", "Glibc", "Musl",
    "Darwin", "Synchronization", "Testing", "XCTest",
}

# Modules a package ships inside a product without a product of their own: importing one needs
# that product declared. Yams bundles libyaml as its target CYaml.
VIA_PRODUCT = {"CYaml": "Yams"}

# Which module may import which. Adding an edge is a design decision: change it here, in
# Package.swift, and say why in the commit.
ALLOWED: dict[str, set[str]] = {
    "CCmark": set(),
    "CSystemShims": set(),
    "CQRencode": set(),
    "ZhibuQR": {"CQRencode", "Synchronization"},
    "ZhibuModel": set(),
    "ZhibuTemplates": set(),
    "ZhibuCITemplates": set(),
    # The build-tool plugin that writes `zhibu version`'s commit and date.
    "BuildInfo": {"PackagePlugin", "Foundation"},
    "ZhibuMarkdown": {"CCmark", "Glibc", "Darwin"},
    "ZhibuTemplating": {"Mustache", "Synchronization"},
    "ZhibuRules": {"ZhibuModel", "Foundation", "Dispatch"},
    "ZhibuKit": {
        "ZhibuModel", "ZhibuRules", "ZhibuMarkdown", "ZhibuTemplates", "ZhibuTemplating",
        "ZhibuQR", "CSystemShims", "ZhibuCITemplates", "Yams", "CYaml", "Foundation", "Dispatch",
        "Synchronization", "Glibc", "Darwin",
    },
    "ZhibuServer": {
        "ZhibuKit", "ZhibuModel", "ZhibuTemplating", "NIOCore", "NIOPosix", "NIOHTTP1", "Foundation",
        "Synchronization",
        "Glibc", "Darwin",
    },
    "ZhibuCLI": {
        "ZhibuKit", "ZhibuModel", "ZhibuServer", "ArgumentParser", "Foundation", "Glibc",
        "Darwin", "Synchronization",
    },
    # bench/search-scale: the search index of a site scaled up, through ZhibuKit's own code.
    "ZhibuSearchScale": {"ZhibuKit", "ZhibuModel", "Foundation"},
    "ZhibuMarkdownTests": {"ZhibuMarkdown", "Testing"},
    "ZhibuModelTests": {"ZhibuModel", "Testing"},
    "ZhibuTemplatingTests": {"ZhibuTemplating", "Mustache", "Testing"},
    "ZhibuKitTests": {
        "ZhibuKit", "ZhibuModel", "ZhibuRules", "ZhibuTemplates", "ZhibuTemplating",
        "ZhibuQR", "Yams", "Testing", "Foundation", "FoundationXML", "Glibc",
    },
    "ZhibuCLITests": {
        "ZhibuCLI", "ZhibuRules", "Testing", "Foundation", "FoundationXML", "Glibc",
    },
}

IMPORT = re.compile(
    r"^\s*(?:@[A-Za-z_]+(?:\([^)]*\))?\s+)*import\s+"
    r"(?:(?:typealias|struct|class|enum|protocol|let|var|func)\s+)?([A-Za-z_][A-Za-z0-9_]*)",
    re.MULTILINE,
)


def imports(text: str) -> set[str]:
    """The modules a Swift file imports, whatever attributes or kinds the imports carry."""
    return set(IMPORT.findall(text))


def target_sources(target: dict, root: Path) -> list[Path]:
    """The Swift files of a target, from its declared path and sources or the default."""
    if target.get("type") == "system":
        return []
    default = "Tests" if target.get("type") == "test" else "Sources"
    base = root / (target.get("path") or f"{default}/{target['name']}")
    listed = target.get("sources")
    if listed:
        files: list[Path] = []
        for entry in listed:
            path = base / entry
            files += [path] if path.is_file() else sorted(path.rglob("*.swift"))
        return [f for f in files if f.suffix == ".swift"]
    return sorted(base.rglob("*.swift"))


def declared(target: dict) -> set[str]:
    """The direct dependencies a target declares, as module names."""
    names = set()
    for dependency in target.get("dependencies", []):
        for kind, value in dependency.items():
            if kind in ("byName", "target", "product") and value:
                names.add(value[0])
    return names


def violations(targets: list[dict], imported: dict[str, dict[str, set[str]]]) -> list[str]:
    """Every breach of the walls; `imported` maps a target to its files' imports."""
    problems = []
    package_modules = {t["name"] for t in targets}
    for target in targets:
        name = target["name"]
        allowed = ALLOWED.get(name)
        if allowed is None:
            problems.append(f"{name}: no allow-list in Tests/Tools/check_imports.py; add one")
            continue
        deps = declared(target)
        for dependency in sorted(deps - allowed):
            problems.append(
                f"{name}: Package.swift declares a dependency on {dependency}, "
                f"which its allow-list does not name")
        for file, modules in sorted(imported.get(name, {}).items()):
            for module in sorted(modules):
                if module == name:
                    continue
                if module not in allowed:
                    problems.append(f"{file}: {name} may not import {module}")
                elif module not in SYSTEM and VIA_PRODUCT.get(module, module) not in deps:
                    where = "target" if module in package_modules else "product"
                    problems.append(
                        f"{file}: {name} imports {module} without declaring the {where} "
                        f"as its dependency in Package.swift")
    return problems


def check(root: Path) -> int:
    dump = subprocess.run(
        ["swift", "package", "dump-package"], cwd=root, check=True, capture_output=True,
        text=True)
    targets = json.loads(dump.stdout)["targets"]
    imported = {
        t["name"]: {
            str(f.relative_to(root)): imports(f.read_text(encoding="utf-8"))
            for f in target_sources(t, root)
        }
        for t in targets
    }
    problems = violations(targets, imported)
    for problem in problems:
        print(f"check_imports: {problem}", file=sys.stderr)
    if not problems:
        files = sum(len(v) for v in imported.values())
        print(f"check_imports: {len(targets)} targets, {files} files: every import is allowed")
    return 1 if problems else 0


def self_test() -> int:
    """Each kind of breach on a small made-up package is reported; a clean one is not."""
    targets = [
        {"name": "ZhibuKit", "type": "regular",
         "dependencies": [{"byName": ["ZhibuModel", None]}, {"product": ["Yams", "Yams"]}]},
        {"name": "ZhibuCLI", "type": "executable",
         "dependencies": [{"byName": ["ZhibuKit", None]}]},
        {"name": "ZhibuRules", "type": "regular",
         "dependencies": [{"byName": ["ZhibuModel", None]}, {"byName": ["ZhibuKit", None]}]},
    ]
    clean = {"ZhibuKit": {"a.swift": {"ZhibuModel", "Yams", "CYaml", "Foundation"}},
             "ZhibuCLI": {"b.swift": {"ZhibuKit"}}}
    cases = {
        "an import outside the allow-list": (
            {"ZhibuKit": {"a.swift": {"CCmark"}}}, "ZhibuKit may not import CCmark"),
        "an allowed import that is not declared": (
            {"ZhibuCLI": {"b.swift": {"ZhibuModel"}}}, "imports ZhibuModel without declaring"),
        "a declared dependency outside the allow-list": (
            {}, "declares a dependency on ZhibuKit"),
        "a conditional import": (
            {"ZhibuKit": {"c.swift": imports("#if os(Linux)\n  @preconcurrency import CCmark\n#endif")}},
            "ZhibuKit may not import CCmark"),
    }
    failed = 0
    base = violations(targets[:2], clean)
    if base:
        print(f"self-test: a clean package was reported: {base}", file=sys.stderr)
        failed += 1
    for title, (imported, expected) in cases.items():
        chosen = targets if "declared dependency" in title else targets[:2]
        found = violations(chosen, imported)
        if not any(expected in problem for problem in found):
            print(f"self-test: {title} was not caught: {found}", file=sys.stderr)
            failed += 1
    # A bundled module is reached only through its product: without Yams, CYaml is a breach.
    without_yams = [dict(targets[0], dependencies=[{"byName": ["ZhibuModel", None]}])]
    found = violations(without_yams, {"ZhibuKit": {"a.swift": {"CYaml"}}})
    if not any("imports CYaml without declaring" in problem for problem in found):
        print(f"self-test: CYaml without Yams was not caught: {found}", file=sys.stderr)
        failed += 1
    if not failed:
        print(f"check_imports self-test: {len(cases) + 1} breaches caught, a clean package passes")
    return 1 if failed else 0


if __name__ == "__main__":
    if "--self-test" in sys.argv[1:]:
        sys.exit(self_test())
    sys.exit(check(Path.cwd()))
