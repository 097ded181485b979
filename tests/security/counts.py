"""What each standing suite checked in this run, for the terminal summary (tests/conftest.py)."""

COUNTS: dict[str, str] = {}


def report(suite: str, text: str) -> None:
    COUNTS[suite] = text
