"""Point rules, one test per rule, and the bands (tenants/linkage/duty/rules.py)."""

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from tenants.linkage.duty.rules import (
    DEFAULT_RULES,
    Band,
    Entry,
    KindRule,
    Scheme,
    award,
    band,
    quarter_of,
    quarter_span,
    score,
)

D = Decimal
PLAIN = Scheme(
    rules={"inspection": KindRule(D(3)), "leave": KindRule(D(-1))}, base=D(0), ceiling=None
)


def _entries(kind: str, days: list[date]) -> list[Entry]:
    return [Entry(id=i, kind=kind, occurred_on=day) for i, day in enumerate(days, start=1)]


def test_each_entry_earns_its_kinds_points() -> None:
    entries = _entries("inspection", [date(2026, 3, 1), date(2026, 5, 1)])
    assert award(entries, PLAIN) == {1: D(3), 2: D(3)}
    assert score(entries, PLAIN, year=2026) == D(6)


def test_a_leave_deducts() -> None:
    assert score(_entries("leave", [date(2026, 3, 1)] * 2), PLAIN, year=2026) == D(0)
    with_base = Scheme(rules=PLAIN.rules, base=D(60))
    assert score(_entries("leave", [date(2026, 3, 1)] * 2), with_base, year=2026) == D(58)


def test_the_quarter_cap_bounds_a_kind_within_each_quarter() -> None:
    scheme = Scheme(rules={"reception": KindRule(D(2), quarter_cap=D(5))}, base=D(0), ceiling=None)
    q1 = [date(2026, 1, 10), date(2026, 2, 10), date(2026, 3, 10)]  # 2 + 2 + 1 (capped at 5)
    q2 = [date(2026, 4, 10)]  # a new quarter: room again
    awarded = award(_entries("reception", q1 + q2), scheme)
    assert awarded == {1: D(2), 2: D(2), 3: D(1), 4: D(2)}


def test_the_year_cap_bounds_a_kind_across_quarters() -> None:
    scheme = Scheme(rules={"suggestion": KindRule(D(3), year_cap=D(7))}, base=D(0), ceiling=None)
    days = [date(2026, 1, 5), date(2026, 4, 5), date(2026, 7, 5), date(2027, 1, 5)]
    assert score(_entries("suggestion", days), scheme, year=2026) == D(7)
    assert score(_entries("suggestion", days), scheme, year=2027) == D(3)


def test_the_caps_apply_in_date_order_whatever_the_recording_order() -> None:
    scheme = Scheme(rules={"training": KindRule(D(2), year_cap=D(2))}, base=D(0), ceiling=None)
    entries = [Entry(1, "training", date(2026, 9, 1)), Entry(2, "training", date(2026, 2, 1))]
    assert award(entries, scheme) == {1: D(0), 2: D(2)}


def test_a_cap_bounds_a_deduction_too() -> None:
    scheme = Scheme(rules={"leave": KindRule(D(-1), year_cap=D(2))}, base=D(60), ceiling=None)
    assert score(_entries("leave", [date(2026, 1, 1)] * 5), scheme, year=2026) == D(58)


def test_entries_not_counted_earn_nothing_and_use_no_room() -> None:
    scheme = Scheme(rules={"reception": KindRule(D(2), quarter_cap=D(2))}, base=D(0), ceiling=None)
    entries = [
        Entry(1, "reception", date(2026, 1, 1), counted=False),
        Entry(2, "reception", date(2026, 1, 2)),
    ]
    assert award(entries, scheme) == {1: D(0), 2: D(2)}


def test_a_kind_without_a_rule_earns_nothing() -> None:
    assert score(_entries("mystery", [date(2026, 1, 1)]), PLAIN, year=2026) == D(0)


def test_the_score_starts_at_the_base_and_stops_at_the_ceiling() -> None:
    scheme = Scheme(rules={"inspection": KindRule(D(30))}, base=D(60), ceiling=D(100))
    assert score([], scheme, year=2026) == D(60)
    assert score(_entries("inspection", [date(2026, 1, 1)] * 3), scheme, year=2026) == D(100)


def test_the_score_never_goes_below_zero() -> None:
    scheme = Scheme(rules={"leave": KindRule(D(-5))}, base=D(3), ceiling=None)
    assert score(_entries("leave", [date(2026, 1, 1)]), scheme, year=2026) == D(0)


def test_the_score_through_a_date_leaves_later_entries_out() -> None:
    entries = _entries("inspection", [date(2026, 3, 31), date(2026, 4, 1)])
    assert score(entries, PLAIN, year=2026, through=date(2026, 3, 31)) == D(3)


def test_bands_at_their_boundaries_with_the_defaults() -> None:
    scheme = Scheme(rules=DEFAULT_RULES)
    assert [band(D(v), scheme) for v in (100, 80, D("79.9"), 60, D("59.9"), 0)] == [
        Band.GOOD,
        Band.GOOD,
        Band.FAIR,
        Band.FAIR,
        Band.POOR,
        Band.POOR,
    ]


def test_bands_follow_the_tenants_lines() -> None:
    scheme = Scheme(rules=DEFAULT_RULES, good_from=D(90), fair_from=D(70))
    assert [band(D(v), scheme) for v in (90, 89, 70, 69)] == [
        Band.GOOD,
        Band.FAIR,
        Band.FAIR,
        Band.POOR,
    ]


def test_a_scheme_with_bands_out_of_order_or_a_negative_cap_is_refused() -> None:
    assert Scheme(rules={}, good_from=D(60), fair_from=D(80)).problems() == ["bands_out_of_order"]
    assert Scheme(rules={"x": KindRule(D(1), quarter_cap=D(-1))}).problems() == ["cap_negative"]
    assert Scheme(rules={}, base=D(120), ceiling=D(100)).problems() == ["base_above_ceiling"]
    assert Scheme(rules=DEFAULT_RULES).problems() == []


def test_quarters() -> None:
    assert [quarter_of(date(2026, m, 1)) for m in (1, 3, 4, 6, 7, 9, 10, 12)] == [
        1,
        1,
        2,
        2,
        3,
        3,
        4,
        4,
    ]
    assert quarter_span(2026, 1) == (date(2026, 1, 1), date(2026, 3, 31))
    assert quarter_span(2026, 4) == (date(2026, 10, 1), date(2026, 12, 31))


@given(
    st.lists(
        st.tuples(
            st.sampled_from(sorted(DEFAULT_RULES)), st.dates(date(2026, 1, 1), date(2026, 12, 31))
        ),
        max_size=40,
    )
)
def test_no_kind_ever_exceeds_its_caps(rows: list[tuple[str, date]]) -> None:
    entries = [Entry(i, kind, day) for i, (kind, day) in enumerate(rows)]
    awarded = award(entries, Scheme(rules=DEFAULT_RULES))
    for kind, rule in DEFAULT_RULES.items():
        total = sum((abs(awarded[e.id]) for e in entries if e.kind == kind), D(0))
        if rule.year_cap is not None:
            assert total <= rule.year_cap
        for quarter in (1, 2, 3, 4):
            in_quarter = sum(
                (
                    abs(awarded[e.id])
                    for e in entries
                    if e.kind == kind and quarter_of(e.occurred_on) == quarter
                ),
                D(0),
            )
            if rule.quarter_cap is not None:
                assert in_quarter <= rule.quarter_cap
            assert in_quarter <= abs(rule.points) * sum(
                1 for e in entries if e.kind == kind and quarter_of(e.occurred_on) == quarter
            )
