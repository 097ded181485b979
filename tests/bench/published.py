"""What every bench does with what it measured: the report printed, and written to the file
`--out` names, the figures as JSON to the file `--json` names (for tests/bench/run.py)."""

import json
from argparse import Namespace
from collections.abc import Callable
from typing import Any


def publish(
    args: Namespace, text: str, figures: Any, default: Callable[[Any], Any] | None = None
) -> None:
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, default=default), encoding="utf-8")
