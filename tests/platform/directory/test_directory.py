"""The directory: what a congress shows other congresses of its roster, and nothing more."""

from django.db import transaction
from django_tenants.utils import tenant_context

from directory.models import DeputyListing
from directory.selectors import listing_related
from tenants.deputies.models import Deputy
from tenants.deputies.services import deputy_end_service, deputy_link_user
from tests.conftest import World
from tests.tenants.stations.factories import make_deputy

SHARED_FIELDS = {
    "id",
    "congress",
    "deputy_id",
    "user",
    "term_number",
    "name",
    "level",
    "delegation",
    "serving",
    "updated_at",
}


def _register(name: str, phone: str, level: str = "township") -> Deputy:
    """A woman of the 3rd constituency, a village head, of the first deputies' group."""
    return make_deputy(
        name,
        level,
        phone,
        gender="female",
        constituency="第3选区",
        delegation="第一代表小组",
        occupation="村委会主任",
    )


def test_the_directory_holds_no_contact_field() -> None:
    fields = {field.name for field in DeputyListing._meta.get_fields()}

    assert fields == SHARED_FIELDS
    assert not {"phone", "id_number", "occupation", "constituency", "address"} & fields


def test_registering_a_deputy_lists_them_without_their_phone(world: World) -> None:
    with tenant_context(world.town_a):
        deputy = _register("王秀英", "13900000001")

    listing = DeputyListing.objects.get(congress=world.town_a, deputy_id=deputy.pk)
    assert (listing.name, listing.level, listing.delegation, listing.serving) == (
        "王秀英",
        "township",
        "第一代表小组",
        True,
    )
    stored = DeputyListing.objects.filter(pk=listing.pk).values().get()
    assert "13900000001" not in {str(value) for value in stored.values()}
    assert "村委会主任" not in {str(value) for value in stored.values()}


def test_ending_a_deputys_service_shows_in_the_directory(world: World) -> None:
    with tenant_context(world.town_a):
        deputy = _register("李建国", "13900000002")
        deputy_end_service(deputy=deputy, actor=None)

    assert not DeputyListing.objects.get(congress=world.town_a, deputy_id=deputy.pk).serving


def test_a_rollback_of_the_roster_change_leaves_no_listing(world: World) -> None:
    with tenant_context(world.town_a):
        try:
            with transaction.atomic():
                deputy = _register("赵四", "13900000003")
                raise RuntimeError("the caller fails after registering")
        except RuntimeError:
            pass

    assert not DeputyListing.objects.filter(congress=world.town_a, deputy_id=deputy.pk).exists()


def test_a_congress_sees_its_own_its_descendants_and_its_ancestors_deputies(
    world: World,
) -> None:
    made = {}
    for congress, level in [
        (world.city, "city"),
        (world.county, "county"),
        (world.town_a, "township"),
        (world.town_b, "township"),
    ]:
        with tenant_context(congress):
            made[congress.slug] = _register(f"{congress.slug}代表", "13900000010", level).pk

    def seen_by(congress: object) -> set[str]:
        names = listing_related(congress=congress).values_list("name", flat=True)  # type: ignore[arg-type]
        return {name for name in names if name.endswith("代表") and name[:-2] in made}

    assert seen_by(world.town_a) == {"town-a代表", "tcounty代表", "tcity代表"}
    assert seen_by(world.county) == {"tcounty代表", "tcity代表", "town-a代表", "town-b代表"}
    assert seen_by(world.city) == {"tcity代表", "tcounty代表", "town-a代表", "town-b代表"}


def test_linking_an_account_makes_one_person_a_deputy_of_two_congresses(world: World) -> None:
    world.deputy_both.phone = "13900000099"
    world.deputy_both.save(update_fields=["phone"])
    seats = []
    for congress in (world.town_a, world.county):
        with tenant_context(congress):
            deputy = _register("两级代表", "13900000099", "county")
            seats.append(deputy_link_user(deputy=deputy, login="13900000099", actor=None))

    listings = DeputyListing.objects.filter(user=world.deputy_both)
    assert {listing.congress_id for listing in listings} == {world.town_a.pk, world.county.pk}
    assert all(seat.user_id == world.deputy_both.pk for seat in seats)
