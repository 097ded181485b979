"""The rollup figures of a nominating congress, for pre-filling scores.

They come from the rollup rows in the public schema (platform/rollups), never from the
congress's own schema: the city reads what the rollups already hold.
"""

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from congresses.models import Congress

Figures = dict[str, int | Decimal | str | None]
FiguresSource = Callable[[Iterable[Congress], int], dict[int, Figures]]


def rollup_figures(congresses: Iterable[Congress], year: int) -> dict[int, Figures]:
    """Each congress's indicator values for `year`, by congress id (empty when none)."""
    wanted = list(congresses)
    try:
        from rollups import selectors
    except ImportError:  # the rollups module is not there: nothing to pre-fill from
        return {c.pk: {} for c in wanted}
    reader: Any = getattr(selectors, "rollup_figures", None)
    if reader is None:
        return {c.pk: {} for c in wanted}
    found = reader(congresses=wanted, year=year)
    return {c.pk: dict(found.get(c.pk, {})) for c in wanted}


def plain(figures: Figures) -> dict[str, Any]:
    """JSON-ready figures: decimals as strings."""
    return {k: (str(v) if isinstance(v, Decimal) else v) for k, v in figures.items()}
