"""An activity's kinds are the duty record's in-person kinds, codes and labels alike."""

from tenants.linkage.activities.models import KIND_CHOICES
from tenants.linkage.duty.models import IN_PERSON, Kind


def test_an_activity_is_of_the_six_in_person_duty_kinds_in_the_duty_records_order() -> None:
    assert [value for value, _ in KIND_CHOICES] == [
        "inspection",
        "law_enforcement",
        "supervision",
        "reception",
        "training",
        "report_back",
    ]
    assert {Kind(value) for value, _ in KIND_CHOICES} == IN_PERSON
    assert [str(label) for _, label in KIND_CHOICES] == [
        "调研视察",
        "执法检查",
        "专题督办",
        "接待选民",
        "学习培训",
        "述职",
    ]
