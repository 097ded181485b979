"""The rollup figures of nominating congresses, for pre-filling scores.

They come from the rollup rows in the public schema (platform/rollups: one row per congress,
year and topic, keys listed in rollups/catalog.py), never from the congresses' own schemas.
"""

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from congresses.models import Congress
from rollups.models import Rollup

Figures = dict[str, int | Decimal | str | None]
FiguresSource = Callable[[Iterable[Congress], int], dict[int, Figures]]


def rollup_figures(congresses: Iterable[Congress], year: int) -> dict[int, Figures]:
    """Each congress's indicator values for `year` with its topics merged, by congress id (an
    empty dict for a congress with no rows yet). One query."""
    wanted = {c.pk for c in congresses}
    out: dict[int, Figures] = {pk: {} for pk in wanted}
    for congress_id, figures in Rollup.objects.filter(
        year=year, congress_id__in=wanted
    ).values_list("congress_id", "figures"):
        out[congress_id].update(figures)
    return out


def plain(figures: Figures) -> dict[str, Any]:
    """JSON-ready figures: decimals as strings."""
    return {k: (str(v) if isinstance(v, Decimal) else v) for k, v in figures.items()}
