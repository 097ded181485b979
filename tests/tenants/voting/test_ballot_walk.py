"""A ballot's walk, as docs/architecture.md shows it: from the API view through the service to
the store and the ballot method's tally, four files, each calling only the next ones (no file
imports one before it in the walk), so a reader never has to turn back."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
WALK = [
    ("api/voting/views.py", "api.voting.views"),
    ("tenants/voting/services.py", "tenants.voting.services"),
    ("tenants/voting/store.py", "tenants.voting.store"),
    ("tenants/voting/methods.py", "tenants.voting.methods"),
]
# The calls that carry a ballot from one file to the next, cast and close.
STEPS = {
    "api/voting/views.py": ["services.ballot_cast(", "services.round_close("],
    "tenants/voting/services.py": ["store.ballot_cast(", "store.close("],
    "tenants/voting/store.py": ["method.validate(", "method.tally("],
    "tenants/voting/methods.py": ["def validate(", "def tally("],
}


def _imports(path: str) -> set[str]:
    """The modules a file imports, relative imports resolved within tenants.voting."""
    found = set()
    for node in ast.walk(ast.parse((ROOT / path).read_text())):
        if isinstance(node, ast.ImportFrom):
            base = "tenants.voting" if node.level == 1 else (node.module or "")
            module = f"{base}.{node.module}" if node.level == 1 and node.module else base
            found.add(module)
            found |= {f"{module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return found


def test_each_file_of_the_walk_calls_the_next_and_never_an_earlier_one() -> None:
    for position, (path, _module) in enumerate(WALK):
        text = (ROOT / path).read_text()
        assert all(step in text for step in STEPS[path]), path
        earlier = {module for _path, module in WALK[:position]}
        assert not _imports(path) & earlier, f"{path} imports an earlier file of the walk"
