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


def test_the_default_points_caps_and_kinds_are_the_documented_scheme() -> None:
    # domain-practice.md §2.5: +3 a suggestion or an inspection, -1 a leave, bands 80 and 60.
    assert {
        "inspection": KindRule(D(3)),
        "law_enforcement": KindRule(D(3)),
        "supervision": KindRule(D(3)),
        "reception": KindRule(D(2), quarter_cap=D(6)),
        "training": KindRule(D(2), year_cap=D(8)),
        "report_back": KindRule(D(5), year_cap=D(5)),
        "suggestion": KindRule(D(3), year_cap=D(15)),
        "session": KindRule(D(2)),
        "opinion": KindRule(D(1), quarter_cap=D(5)),
        "opinion_received": KindRule(D(1), quarter_cap=D(5)),
        "deliberation": KindRule(D(2)),
        "leave": KindRule(D(-1)),
    } == DEFAULT_RULES
    scheme = Scheme(rules=DEFAULT_RULES)
    assert (scheme.base, scheme.ceiling, scheme.good_from, scheme.fair_from) == (
        D(60),
        D(100),
        D(80),
        D(60),
    )
    assert KindRule(D(1)) == KindRule(D(1), quarter_cap=None, year_cap=None)
    assert Entry(1, "leave", date(2026, 1, 1)).counted


def test_a_leave_under_the_defaults_takes_one_point_off_the_base() -> None:
    leave = [Entry(1, "leave", date(2026, 5, 4))]

    assert award(leave, Scheme(rules=DEFAULT_RULES)) == {1: D(-1)}
    assert score(leave, Scheme(rules=DEFAULT_RULES), year=2026) == D(59)


def test_an_entry_exactly_filling_the_cap_earns_in_full_and_the_next_earns_nothing() -> None:
    scheme = Scheme(rules={"opinion": KindRule(D(1), quarter_cap=D(2))}, base=D(0), ceiling=None)
    days = [date(2026, 1, 5), date(2026, 1, 6), date(2026, 1, 7)]

    assert award(_entries("opinion", days), scheme) == {1: D(1), 2: D(1), 3: D(0)}


def test_a_zero_point_kind_earns_nothing_and_is_no_deduction() -> None:
    scheme = Scheme(rules={"visit": KindRule(D(0))}, base=D(10), ceiling=None)

    assert award(_entries("visit", [date(2026, 2, 1)]), scheme) == {1: D(0)}
    assert score(_entries("visit", [date(2026, 2, 1)]), scheme, year=2026) == D(10)


def test_a_deduction_past_its_cap_takes_off_what_room_is_left() -> None:
    scheme = Scheme(rules={"leave": KindRule(D(-2), year_cap=D(3))}, base=D(10), ceiling=None)
    days = [date(2026, 1, 5), date(2026, 2, 5), date(2026, 3, 5)]

    assert award(_entries("leave", days), scheme) == {1: D(-2), 2: D(-1), 3: D(0)}
    assert score(_entries("leave", days), scheme, year=2026) == D(7)


def test_a_zero_cap_allows_nothing_of_the_kind() -> None:
    scheme = Scheme(rules={"x": KindRule(D(2), quarter_cap=D(0))}, base=D(0), ceiling=None)

    assert award(_entries("x", [date(2026, 1, 1)]), scheme) == {1: D(0)}
    assert Scheme(rules={"x": KindRule(D(2), quarter_cap=D(0), year_cap=D(0))}).problems() == []


def test_the_score_of_a_year_takes_only_that_year() -> None:
    entries = _entries("inspection", [date(2025, 12, 31), date(2026, 1, 1), date(2027, 1, 1)])

    assert score(entries, PLAIN, year=2026) == D(3)
    assert score(entries, PLAIN, year=2026, through=date(2026, 1, 1)) == D(3)
    assert score(entries, PLAIN, year=2026, through=date(2025, 12, 31)) == D(0)


def test_the_ceiling_and_zero_bound_the_score_and_no_ceiling_lets_it_grow() -> None:
    many = _entries("inspection", [date(2026, 1, day) for day in range(1, 11)])  # 30 points

    assert score(many, Scheme(rules=PLAIN.rules, base=D(80)), year=2026) == D(100)
    assert score(many, Scheme(rules=PLAIN.rules, base=D(80), ceiling=D(100)), year=2026) == D(100)
    assert score(many, Scheme(rules=PLAIN.rules, base=D(80), ceiling=None), year=2026) == D(110)
    assert score([], Scheme(rules=PLAIN.rules, base=D(0), ceiling=D(0)), year=2026) == D(0)


def test_each_scheme_problem_on_its_own_and_their_boundaries() -> None:
    assert Scheme(rules={}, good_from=D(70), fair_from=D(70)).problems() == []
    assert Scheme(rules={}, base=D(100), ceiling=D(100)).problems() == []
    assert Scheme(rules={}, base=D(200), ceiling=None).problems() == []
    assert Scheme(rules={"x": KindRule(D(1), year_cap=D(-1))}).problems() == ["cap_negative"]
    two_bad = {"x": KindRule(D(1), quarter_cap=D(-1)), "y": KindRule(D(1), year_cap=D(-2))}
    assert Scheme(rules=two_bad).problems() == ["cap_negative"]
    assert Scheme(
        rules={"x": KindRule(D(1), quarter_cap=D(-1))}, base=D(120), good_from=D(50)
    ).problems() == ["bands_out_of_order", "base_above_ceiling", "cap_negative"]


def test_every_quarter_has_its_first_and_last_day() -> None:
    assert [quarter_span(2024, q) for q in (1, 2, 3, 4)] == [
        (date(2024, 1, 1), date(2024, 3, 31)),
        (date(2024, 4, 1), date(2024, 6, 30)),
        (date(2024, 7, 1), date(2024, 9, 30)),
        (date(2024, 10, 1), date(2024, 12, 31)),
    ]
    assert [quarter_of(date(2026, m, 28)) for m in (2, 5, 8, 11)] == [1, 2, 3, 4]


def test_a_zero_point_entry_earns_a_plain_zero_and_fractional_points_keep_their_sign() -> None:
    scheme = Scheme(
        rules={"visit": KindRule(D(0)), "half": KindRule(D("0.5")), "late": KindRule(D("-0.5"))},
        base=D(0),
        ceiling=None,
    )
    day = date(2026, 2, 1)

    awarded = award([Entry(1, "visit", day), Entry(2, "half", day), Entry(3, "late", day)], scheme)

    assert str(awarded[1]) == "0"  # not "-0" on the deputy's record
    assert awarded[2] == D("0.5") and awarded[3] == D("-0.5")


def test_opinions_earn_a_point_each_for_receiving_and_closing_five_a_quarter() -> None:
    # docs/linkage-duty.md: receiving an opinion and seeing it closed are two kinds, each +1
    # with a quarter cap of 5, so a sixth of a quarter earns nothing and the next quarter counts.
    assert DEFAULT_RULES["opinion_received"] == KindRule(D(1), quarter_cap=D(5))
    assert DEFAULT_RULES["opinion"] == KindRule(D(1), quarter_cap=D(5))
    scheme = Scheme(rules=DEFAULT_RULES, base=D(0))
    entries = [Entry(i, "opinion_received", date(2026, 3, i + 1)) for i in range(6)] + [
        Entry(10, "opinion_received", date(2026, 4, 1)),
        Entry(11, "opinion", date(2026, 4, 2)),
    ]
    assert [award(entries, scheme)[i] for i in (0, 4, 5, 10, 11)] == [D(1), D(1), D(0), D(1), D(1)]
    assert score(entries, scheme, year=2026) == D(7)


def test_deliberation_earns_two_points_per_cycle_with_no_cap() -> None:
    # docs/linkage-duty.md: 审议发言 is one entry per deputy and cycle, +2, uncapped (the one
    # entry a cycle is its bound); receptions held earn the 接待选民 points, 6 a quarter at most.
    assert DEFAULT_RULES["deliberation"] == KindRule(D(2))
    assert DEFAULT_RULES["deliberation"].quarter_cap is None
    assert DEFAULT_RULES["deliberation"].year_cap is None
    assert DEFAULT_RULES["reception"] == KindRule(D(2), quarter_cap=D(6))
    scheme = Scheme(rules=DEFAULT_RULES, base=D(0))
    entries = [Entry(i, "deliberation", date(2026, 1, 10 + i)) for i in range(4)] + [
        Entry(10 + i, "reception", date(2026, 2, 1 + i)) for i in range(4)
    ]
    awarded = award(entries, scheme)
    assert [awarded[i] for i in range(4)] == [D(2)] * 4
    assert [awarded[10 + i] for i in range(4)] == [D(2), D(2), D(2), D(0)]
    assert score(entries, scheme, year=2026) == D(14)
