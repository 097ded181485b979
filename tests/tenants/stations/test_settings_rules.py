"""How a congress's stations work, as it is kept (`StationSettings` in
tenants/linkage/stations/rules.py): what is stored reads back the same, what is not stored is the
default."""

from hypothesis import given
from hypothesis import strategies as st

from tenants.linkage.stations.rules import DEFAULT_STAR_THRESHOLDS, StationSettings

_settings = st.builds(
    StationSettings,
    notice_days=st.integers(min_value=0, max_value=30),
    star_thresholds=st.lists(st.integers(1, 100), min_size=5, max_size=5).map(
        lambda found: tuple(sorted(found))
    ),
)


def test_nothing_stored_is_the_documented_default() -> None:
    found = StationSettings.from_values({})

    assert found == StationSettings()
    assert found.notice_days == 3
    assert found.star_thresholds == DEFAULT_STAR_THRESHOLDS == (60, 70, 80, 90, 95)


@given(_settings)
def test_what_is_stored_reads_back_the_same(settings: StationSettings) -> None:
    assert StationSettings.from_values(settings.as_values()) == settings


def test_the_stored_form_names_each_value() -> None:
    values = StationSettings(notice_days=2, star_thresholds=(50, 60, 70, 80, 90)).as_values()

    assert values == {"notice_days": 2, "star_thresholds": [50, 60, 70, 80, 90]}


def test_each_value_stored_alone_keeps_the_other_at_its_default() -> None:
    assert StationSettings.from_values({"notice_days": 5}) == StationSettings(notice_days=5)
    assert StationSettings.from_values(
        {"star_thresholds": [10, 20, 30, 40, 50]}
    ) == StationSettings(star_thresholds=(10, 20, 30, 40, 50))


def test_an_empty_list_of_star_thresholds_is_the_default() -> None:
    assert StationSettings.from_values({"star_thresholds": []}).star_thresholds == (
        DEFAULT_STAR_THRESHOLDS
    )
