"""A congress's duty scheme as it is kept (`DutySettings` in tenants/linkage/duty/rules.py): what
is stored reads back the same, what is not stored is the default, and the scheme built from it
changes only the kinds the congress changed."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from tenants.linkage.duty.rules import DEFAULT_RULES, DutySettings, KindRule, Scheme

_amounts = st.decimals(min_value=-50, max_value=500, places=2, allow_nan=False)
_caps = st.none() | st.decimals(min_value=0, max_value=500, places=2, allow_nan=False)
_rules = st.builds(KindRule, points=_amounts, quarter_cap=_caps, year_cap=_caps)
_settings = st.builds(
    DutySettings,
    base_score=_amounts,
    ceiling=_caps,
    good_from=_amounts,
    fair_from=_amounts,
    objection_days=st.integers(min_value=1, max_value=60),
    point_rules=st.dictionaries(st.sampled_from([*DEFAULT_RULES, "custom"]), _rules, max_size=4),
)


def test_nothing_stored_is_the_documented_default() -> None:
    found = DutySettings.from_values({})

    assert found == DutySettings()
    assert (found.base_score, found.ceiling, found.good_from, found.fair_from) == (
        Decimal(60),
        Decimal(100),
        Decimal(80),
        Decimal(60),
    )
    assert found.objection_days == 7
    assert found.point_rules == {}


@given(_settings)
def test_what_is_stored_reads_back_the_same(settings: DutySettings) -> None:
    assert DutySettings.from_values(settings.as_values()) == settings


def test_the_stored_form_names_each_value_and_keeps_decimals_as_strings() -> None:
    settings = DutySettings(
        base_score=Decimal("55.5"),
        ceiling=None,
        good_from=Decimal(85),
        fair_from=Decimal(65),
        objection_days=10,
        point_rules={
            "leave": KindRule(Decimal(-2), None, Decimal(10)),
            "inspection": KindRule(Decimal("3.5"), Decimal(9), None),
        },
    )

    values = settings.as_values()

    assert values == {
        "base_score": "55.5",
        "ceiling": None,
        "good_from": "85",
        "fair_from": "65",
        "objection_days": 10,
        "point_rules": {
            "inspection": {"points": "3.5", "quarter_cap": "9", "year_cap": None},
            "leave": {"points": "-2", "quarter_cap": None, "year_cap": "10"},
        },
    }
    assert list(values["point_rules"]) == ["inspection", "leave"]


def test_each_value_stored_alone_keeps_the_others_at_their_default() -> None:
    default = DutySettings()
    for key, stored, expected in (
        ("base_score", "50", Decimal(50)),
        ("ceiling", None, None),
        ("ceiling", "120", Decimal(120)),
        ("good_from", "90", Decimal(90)),
        ("fair_from", "50", Decimal(50)),
        ("objection_days", 3, 3),
    ):
        found = DutySettings.from_values({key: stored})
        assert getattr(found, key) == expected, key
        others = {k: v for k, v in vars(found).items() if k != key}
        assert others == {k: v for k, v in vars(default).items() if k != key}, key


def test_a_point_rule_stored_without_caps_has_none() -> None:
    found = DutySettings.from_values({"point_rules": {"leave": {"points": "-1"}}})

    assert found.point_rules == {"leave": KindRule(Decimal(-1), None, None)}


def test_the_scheme_changes_only_the_kinds_the_congress_changed() -> None:
    changed = KindRule(Decimal(5), Decimal(10), Decimal(20))
    settings = DutySettings(
        base_score=Decimal(50),
        ceiling=Decimal(110),
        good_from=Decimal(85),
        fair_from=Decimal(55),
        point_rules={"inspection": changed, "custom": KindRule(Decimal(1))},
    )

    scheme = settings.scheme()

    assert scheme == Scheme(
        rules={**DEFAULT_RULES, "inspection": changed, "custom": KindRule(Decimal(1))},
        base=Decimal(50),
        ceiling=Decimal(110),
        good_from=Decimal(85),
        fair_from=Decimal(55),
    )
    assert scheme.rules["law_enforcement"] == DEFAULT_RULES["law_enforcement"]
    assert DutySettings().scheme() == Scheme(rules=DEFAULT_RULES)
