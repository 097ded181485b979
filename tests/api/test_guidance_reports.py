"""Report-back on a notice over HTTP: the city asks for a report by a date, the addressed congresses
report (replacing theirs up to the date), the city sees who reported on time, late or not at all;
each refusal is a translated 4xx that writes nothing, and the reminder goes out once."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from config.celery import app
from supervision.models import Guidance, GuidanceReport, GuidanceReportReminder, GuidanceTarget
from supervision.services import report_remind
from supervision.tasks import remind_reports
from tests.api.conftest import guidance_post
from tests.conftest import World, client_on
from tests.factories import PDF
from tests.platform.supervision.builders import staff_of

API = "/api/v1/supervision"


def _issue(client: Any, lang: str = "zh-hans", **body: Any) -> Any:
    """A notice to every congress below, asking to report on time."""
    return guidance_post(client, lang, **({"body": "请按时报送。", "scope": "all"} | body))


def _report(client: Any, guidance_id: int, lang: str = "zh-hans", **body: Any) -> Any:
    return client.post(
        f"{API}/guidance/{guidance_id}/report",
        {"text": "已完成年度总结。"} | body,
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE=lang,
    )


def _city(world: World) -> Any:
    return client_on(world.city, staff_of(world, world.city, "city-staff"))


def _days(n: int) -> str:
    return (timezone.localdate() + dt.timedelta(days=n)).isoformat()


def _shift_back(guidance_id: int, days: int) -> None:
    """The notice and every report on it as if sent `days` days earlier: the clock the test
    controls."""
    guidance = Guidance.objects.get(pk=guidance_id)
    assert guidance.report_due is not None
    Guidance.objects.filter(pk=guidance_id).update(
        report_due=guidance.report_due - dt.timedelta(days=days),
        issued_at=guidance.issued_at - dt.timedelta(days=days),
    )
    for report in GuidanceReport.objects.filter(guidance_id=guidance_id):
        report.submitted_at -= dt.timedelta(days=days)
        report.save(update_fields=["submitted_at"])


def test_reports_on_time_late_and_missing_are_shown_to_the_sender(world: World) -> None:
    city = _city(world)
    issued = _issue(city, report_due=_days(2))
    assert issued.status_code == 201, issued.content
    guidance_id = issued.json()["id"]
    assert issued.json()["report_due"] == _days(2)

    town_a = client_on(world.town_a, world.staff_a)
    assert town_a.get(f"{API}/guidance/{guidance_id}/report").json()["state"] == "pending"
    upload = town_a.post(f"{API}/files", {"file": SimpleUploadedFile("总结.pdf", PDF)}).json()
    first = _report(town_a, guidance_id, text="初稿")
    assert first.status_code == 200, first.content
    again = _report(town_a, guidance_id, text="定稿", attachment_ids=[upload["id"]])
    assert again.status_code == 200
    assert again.json()["state"] == "received"
    assert again.json()["report"]["text"] == "定稿"
    assert GuidanceReport.objects.filter(guidance_id=guidance_id).count() == 1

    # Three days on, the date (two days after issue) has passed: 乙 reports late, the county not.
    _shift_back(guidance_id, 3)
    town_b = client_on(world.town_b, world.staff_b)
    late = _report(town_b, guidance_id)
    assert late.status_code == 200 and late.json()["state"] == "late"
    closed = _report(town_a, guidance_id, text="改稿")
    assert closed.status_code == 409 and closed.json()["code"] == "report_closed"

    states = city.get(f"{API}/guidance/{guidance_id}/reports")
    assert states.status_code == 200, states.content
    by_name = {r["congress_name"]: r for r in states.json()["reports"]}
    assert by_name[world.town_a.name]["state"] == "received"
    assert by_name[world.town_a.name]["report"]["text"] == "定稿"
    assert by_name[world.town_b.name]["state"] == "late"
    assert by_name[world.county.name]["state"] == "missing"
    assert by_name[world.county.name]["report"] is None
    assert states.json()["counts"] == {"received": 1, "late": 1, "missing": 1, "pending": 0}
    # The sender may download the report's attachment; a sibling may not.
    assert city.get(f"{API}/files/{upload['id']}/url").status_code == 200
    assert town_b.get(f"{API}/files/{upload['id']}/url").status_code == 404


def test_refusals_are_translated_and_write_nothing(world: World) -> None:
    city = _city(world)
    past = _issue(city, report_due=_days(-1))
    assert past.status_code == 400 and past.json()["code"] == "report_due_past"
    english = _issue(city, report_due=_days(-1), lang="en")
    assert "earlier than today" in english.json()["detail"]
    bad = _issue(city, report_due="not-a-date")
    assert bad.status_code == 400
    assert not Guidance.objects.exists()

    plain = _issue(city).json()["id"]
    town_a = client_on(world.town_a, world.staff_a)
    none = _report(town_a, plain)
    assert none.status_code == 400 and none.json()["code"] == "report_not_requested"
    assert "不要求报送" in none.json()["detail"]
    none_en = _report(town_a, plain, lang="en")
    assert none_en.json()["detail"] == "This document asks for no report."
    assert city.get(f"{API}/guidance/{plain}/reports").status_code == 400

    picked = _issue(city, scope="picked", target_ids=[world.town_a.pk], report_due=_days(5)).json()[
        "id"
    ]
    town_b = client_on(world.town_b, world.staff_b)
    assert _report(town_b, picked).status_code == 404
    assert town_b.get(f"{API}/guidance/{picked}/report").status_code == 404

    empty = _report(town_a, picked, text="   ")
    assert empty.status_code == 400 and "text" in empty.json()["fields"]
    missing_text = town_a.post(
        f"{API}/guidance/{picked}/report", {}, content_type="application/json"
    )
    assert missing_text.status_code == 400
    foreign = city.post(f"{API}/files", {"file": SimpleUploadedFile("c.pdf", PDF)}).json()
    not_mine = _report(town_a, picked, attachment_ids=[foreign["id"]])
    assert not_mine.status_code == 400 and not_mine.json()["code"] == "attachment_unknown"

    withdrawn = city.post(f"{API}/guidance/{picked}/withdraw")
    assert withdrawn.status_code == 200 and withdrawn.json()["withdrawn_at"] is not None
    again = city.post(f"{API}/guidance/{picked}/withdraw")
    assert again.status_code == 409 and again.json()["code"] == "guidance_withdrawn"
    after = _report(town_a, picked, lang="en")
    assert after.status_code == 409 and after.json()["code"] == "guidance_withdrawn"
    assert "withdrawn" in after.json()["detail"]
    assert not GuidanceReport.objects.exists()


def test_only_recipient_staff_report_and_only_sender_staff_see_the_states(world: World) -> None:
    city = _city(world)
    guidance_id = _issue(city, report_due=_days(5)).json()["id"]

    # A deputy of the township is a member but not its staff.
    deputy = client_on(world.town_a, world.deputy_both)
    assert _report(deputy, guidance_id).status_code == 403
    # The county was addressed too, but does not see the city's states nor withdraw its notice.
    county = client_on(world.county, world.county_admin)
    assert county.get(f"{API}/guidance/{guidance_id}/reports").status_code == 404
    assert county.post(f"{API}/guidance/{guidance_id}/withdraw").status_code == 404
    town_a = client_on(world.town_a, world.staff_a)
    assert town_a.get(f"{API}/guidance/{guidance_id}/reports").status_code == 404
    city_member = client_on(world.city, staff_of(world, world.city, "city-deputy", ["deputy"]))
    assert city_member.get(f"{API}/guidance/{guidance_id}/reports").status_code == 403
    assert not GuidanceReport.objects.exists()


def test_the_reminder_goes_once_to_those_yet_to_report(world: World) -> None:
    city = _city(world)
    guidance_id = _issue(city, report_due=_days(3)).json()["id"]
    far = _issue(city, report_due=_days(10), title="远期通知").json()["id"]
    dropped = _issue(city, report_due=_days(1), title="已撤回的通知").json()["id"]
    assert city.post(f"{API}/guidance/{dropped}/withdraw").status_code == 200
    town_a = client_on(world.town_a, world.staff_a)
    assert _report(town_a, guidance_id).status_code == 200

    assert report_remind(today=timezone.localdate() - dt.timedelta(days=1)) == 0
    # The county and 乙; 甲 has reported, the far notice waits, the withdrawn one reminds nobody.
    assert report_remind() == 2
    assert report_remind() == 0
    reminded = set(
        GuidanceReportReminder.objects.filter(guidance_id=guidance_id).values_list(
            "congress_id", flat=True
        )
    )
    assert reminded == {world.county.pk, world.town_b.pk}
    assert not GuidanceReportReminder.objects.filter(guidance_id__in=[far, dropped]).exists()
    reminder = GuidanceReportReminder.objects.get(congress=world.town_b).reminder
    assert reminder.title.startswith("报送提醒")
    assert list(
        GuidanceTarget.objects.filter(guidance=reminder).values_list("congress", flat=True)
    ) == [world.town_b.pk]
    town_b = client_on(world.town_b, world.staff_b)
    inbox = [g["title"] for g in town_b.get(f"{API}/guidance").json()]
    assert "报送提醒：关于报送联络站年度工作总结的通知" in inbox


def test_the_beat_runs_the_reminder_daily() -> None:
    entry = settings.CELERY_BEAT_SCHEDULE["supervision-report-remind"]
    assert entry["task"] == "supervision.tasks.remind_reports"
    assert entry["schedule"] == 24 * 60 * 60
    assert remind_reports.name == entry["task"]
    assert entry["task"] in app.tasks
