"""Guidance over HTTP: the city (or a county) sends, the addressed congresses read, the issuer
sees who read it; nobody else reads, and bad input writes nothing."""

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from supervision.models import Attachment, Guidance, GuidanceReceipt
from tests.api.conftest import guidance_post
from tests.conftest import World, client_on
from tests.factories import PDF
from tests.platform.supervision.builders import staff_of

API = "/api/v1/supervision"


def test_the_city_sends_to_all_townships_and_sees_who_read_it(world: World) -> None:
    city = client_on(world.city, staff_of(world, world.city, "city-staff"))
    upload = city.post(f"{API}/files", {"file": _pdf("通知附件.pdf")})
    assert upload.status_code == 201, upload.content
    response = guidance_post(city, scope="townships", attachment_ids=[upload.json()["id"]])
    assert response.status_code == 201, response.content
    guidance_id = response.json()["id"]
    assert response.json()["target_count"] == 2

    town_a = client_on(world.town_a, world.staff_a)
    inbox = town_a.get(f"{API}/guidance").json()
    assert [(g["id"], g["read_by_me"]) for g in inbox] == [(guidance_id, False)]
    read = town_a.post(f"{API}/guidance/{guidance_id}/read")
    assert read.status_code == 200
    assert read.json()["read_by_me"] and read.json()["attachments"][0]["name"] == "通知附件.pdf"
    url = town_a.get(f"{API}/files/{upload.json()['id']}/url")
    assert url.status_code == 200 and "supervision/" in url.json()["url"]

    detail = city.get(f"{API}/guidance/{guidance_id}").json()
    receipts = {r["congress_name"]: r for r in detail["receipts"]}
    assert [r["name"] for r in receipts[world.town_a.name]["readers"]] == ["staff-a"]
    assert receipts[world.town_a.name]["first_read_at"] is not None
    assert receipts[world.town_b.name]["readers"] == []
    issued = city.get(f"{API}/guidance", {"box": "issued"}).json()
    assert issued[0]["read_count"] == 1


def test_files_are_kept_under_the_uploading_congress_prefix(world: World) -> None:
    city = client_on(world.city, staff_of(world, world.city, "city-staff"))
    upload = city.post(f"{API}/files", {"file": _pdf("a.pdf")}).json()
    assert Attachment.objects.get(pk=upload["id"]).key.startswith(
        f"supervision/{world.city.schema_name}/"
    )


def test_a_congress_not_addressed_neither_lists_nor_reads_nor_downloads(world: World) -> None:
    county = client_on(world.county, world.county_admin)
    upload = county.post(f"{API}/files", {"file": _pdf("b.pdf")}).json()
    guidance_id = guidance_post(
        county, scope="picked", target_ids=[world.town_a.pk], attachment_ids=[upload["id"]]
    ).json()["id"]

    town_b = client_on(world.town_b, world.staff_b)
    assert town_b.get(f"{API}/guidance").json() == []
    assert town_b.post(f"{API}/guidance/{guidance_id}/read").status_code == 404
    assert town_b.get(f"{API}/files/{upload['id']}/url").status_code == 404
    assert town_b.get(f"{API}/guidance/{guidance_id}").status_code == 404
    assert not GuidanceReceipt.objects.exists()


def test_only_the_issuer_sees_the_receipts(world: World) -> None:
    city = client_on(world.city, staff_of(world, world.city, "city-staff"))
    guidance_id = guidance_post(city, scope="all").json()["id"]
    county = client_on(world.county, world.county_admin)
    assert county.get(f"{API}/guidance/{guidance_id}").status_code == 404
    assert [g["id"] for g in county.get(f"{API}/guidance", {"box": "issued"}).json()] == []


def test_a_deputy_reads_what_was_sent_but_does_not_send(world: World) -> None:
    county = client_on(world.county, world.county_admin)
    guidance_id = guidance_post(county, scope="townships").json()["id"]
    deputy = client_on(world.town_a, world.deputy_both)
    assert any(g["id"] == guidance_id for g in deputy.get(f"{API}/guidance").json())
    # The read receipt is the congress's, recorded by its staff.
    assert deputy.post(f"{API}/guidance/{guidance_id}/read").status_code == 403
    refused = guidance_post(deputy, scope="all")
    assert refused.status_code == 403
    assert deputy.get(f"{API}/guidance", {"box": "issued"}).status_code == 403


def test_a_township_cannot_send_and_nobody_sends_outside_their_tree(world: World) -> None:
    town_a = client_on(world.town_a, world.staff_a)
    refused = guidance_post(town_a, scope="all")
    assert refused.status_code == 403 and refused.json()["code"] == "issuer_level"
    county = client_on(world.county, world.county_admin)
    outside = guidance_post(county, scope="picked", target_ids=[world.city.pk])
    assert outside.status_code == 403 and outside.json()["code"] == "target_outside_tree"
    assert not Guidance.objects.exists()


def test_bad_input_is_refused_with_its_reason_and_nothing_is_written(world: World) -> None:
    city = client_on(world.city, staff_of(world, world.city, "city-staff"))
    cases: list[tuple[dict[str, Any], str]] = [
        ({"title": ""}, "invalid"),
        ({"scope": "everyone"}, "invalid"),
        ({"scope": "picked", "target_ids": [999999]}, "target_unknown"),
        ({"scope": "picked", "target_ids": []}, "targets_required"),
        ({"scope": "all", "attachment_ids": [999999]}, "attachment_unknown"),
    ]
    for body, code in cases:
        response = guidance_post(city, **({"scope": "all"} | body))
        assert response.status_code == 400, (body, response.content)
        assert response.json()["code"] == code
    not_a_pdf = city.post(f"{API}/files", {"file": _file("x.pdf", b"MZ\x90\x00 not a pdf")})
    assert not_a_pdf.status_code == 400 and not_a_pdf.json()["code"] == "file_type_not_allowed"
    assert not Guidance.objects.exists() and not Attachment.objects.exists()


def test_an_empty_notice_title_is_refused_naming_the_field(world: World) -> None:
    city = client_on(world.city, staff_of(world, world.city, "city-staff"))

    response = guidance_post(city, scope="all", title="", lang="zh-hans")
    english = guidance_post(city, scope="all", body="", lang="en")

    assert response.status_code == 400 and response.json()["detail"] == "标题：该字段不能为空。"
    assert english.json()["detail"] == "Text: This field may not be blank."
    assert not Guidance.objects.exists()


def test_another_congress_attachment_cannot_be_attached(world: World) -> None:
    county = client_on(world.county, world.county_admin)
    theirs = county.post(f"{API}/files", {"file": _pdf("c.pdf")}).json()
    city = client_on(world.city, staff_of(world, world.city, "city-staff"))
    refused = guidance_post(city, scope="all", attachment_ids=[theirs["id"]])
    assert refused.status_code == 400 and refused.json()["code"] == "attachment_unknown"


def test_the_inbox_costs_the_same_for_1_and_10_notices(world: World) -> None:
    city = client_on(world.city, staff_of(world, world.city, "city-staff"))
    town_a = client_on(world.town_a, world.staff_a)
    guidance_post(city, scope="all")
    few = _count(town_a, f"{API}/guidance")
    few_issued = _count(city, f"{API}/guidance?box=issued")
    for _ in range(9):
        guidance_post(city, scope="all")
    assert _count(town_a, f"{API}/guidance") == few
    assert _count(city, f"{API}/guidance?box=issued") == few_issued


def _count(client: Any, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured.captured_queries)


def _file(name: str, data: bytes) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def _pdf(name: str) -> Any:
    return _file(name, PDF)
