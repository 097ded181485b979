"""`platform/` is a source folder: the standard library's `platform` module must win everywhere."""

import platform
import subprocess
import sys

from tests.servers import ROOT


def test_pytest_imports_the_standard_library_platform() -> None:
    assert platform.python_version() == ".".join(map(str, sys.version_info[:3]))
    assert "site-packages" not in str(platform.__file__)
    assert platform.__file__ is not None and not platform.__file__.startswith(str(ROOT))


def test_manage_py_imports_the_standard_library_platform() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-v",
            "0",
            "-c",
            "import platform; print(platform.python_version(), platform.__file__)",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    version, path = result.stdout.split()
    assert version == platform.python_version()
    assert not path.startswith(str(ROOT))


def test_celery_worker_imports_the_standard_library_platform(celery_queue: str) -> None:
    from ops.tasks import whereami

    reported = whereami.delay().get(timeout=30)

    assert reported["python"] == platform.python_version()
