"""The import contracts of pyproject.toml ([tool.importlinter]) catch a forbidden import: each
case copies the Python sources to a temporary folder, adds one bad import there and runs
lint-imports on the copy. The untouched copy passes, so a failure is the bad import's doing."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _copy_sources(to: Path) -> None:
    for folder in ("api", "tenants", "platform"):
        shutil.copytree(
            ROOT / folder,
            to / folder,
            ignore=lambda _dir, names: [
                n for n in names if n in {"locale", "__pycache__", "migrations"}
            ],
        )
    shutil.copy(ROOT / "pyproject.toml", to / "pyproject.toml")


def _lint(where: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": f"{where}{os.pathsep}{where / 'platform'}"}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=where,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _append(path: Path, line: str) -> None:
    path.write_text(path.read_text() + f"\n{line}  # noqa\n")


def test_the_untouched_sources_keep_every_contract(tmp_path: Path) -> None:
    _copy_sources(tmp_path)

    run = _lint(tmp_path)

    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


@pytest.mark.parametrize(
    ("module", "bad_import", "contract"),
    [
        # Voting calling the duty record instead of publishing AttendanceSigned.
        (
            "tenants/voting/services.py",
            "from tenants.linkage.duty.services import duty_entry_record",
            "Tenant modules: voting is a leaf",
        ),
        # Implementation calling voting's hand-over instead of subscribing to VoteResultsFinal.
        (
            "tenants/implementation/selectors.py",
            "from tenants.voting.reserve import vote_results_hand_over",
            "Above voting, only its events, selectors and models",
        ),
        # Linkage reaching into implementation's models.
        (
            "tenants/linkage/opinions/selectors.py",
            "from tenants.implementation.models import Project",
            "Another module's models only to declare a foreign key",
        ),
        # The platform depending on a tenant module.
        (
            "platform/audit/services.py",
            "from tenants.voting.models import Cycle",
            "Layers: config may import api",
        ),
        # Object storage reached around filestore.
        (
            "platform/supervision/selectors.py",
            "from minio import Minio",
            "filestore is the only owner of object storage",
        ),
        # A new view querying a model instead of calling a selector.
        (
            "api/pagination.py",
            "from tenants.voting.models import Ballot",
            "api/ reads and writes through services and selectors",
        ),
    ],
)
def test_a_forbidden_import_breaks_its_contract(
    tmp_path: Path, module: str, bad_import: str, contract: str
) -> None:
    _copy_sources(tmp_path)
    _append(tmp_path / module, bad_import)

    run = _lint(tmp_path)

    assert run.returncode != 0
    broken = [line for line in run.stdout.splitlines() if " BROKEN" in line]
    assert any(line.startswith(contract) for line in broken), run.stdout
