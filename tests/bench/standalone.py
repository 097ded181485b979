"""What a bench run as a script (`python tests/bench/bench_<name>.py`) does before it imports
anything of the platform, once the repository's folder is on the path."""

import os
import sys
from pathlib import Path

import django


def django_setup() -> None:
    """The platform's folder on the path before the repository's, as `manage.py` has it, and
    Django set up with the project's settings."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "platform"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
