"""Station stars over HTTP (星级评定 by the congress above). A station's congress submits its
self-assessment through the stations API (api/linkage/stations); here the congress above lists
what awaits it and awards or refuses stars, the submitter follows its submissions, and the city
sees the stars by county. The rules live in platform/supervision."""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request

from api.actions import Action, Read, endpoint
from api.permissions import STAFF, host_congress, host_tenant
from ops.errors import NotAllowed
from supervision import selectors, services


class StarItemSerializer(serializers.Serializer):
    title = serializers.CharField()
    weight = serializers.IntegerField()
    self_score = serializers.IntegerField()


class StarReviewOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    congress = serializers.IntegerField(source="congress_id")
    congress_name = serializers.CharField(source="congress.name")
    reviewer_congress = serializers.IntegerField(source="reviewer_congress_id")
    reviewer_congress_name = serializers.CharField(source="reviewer_congress.name")
    station_ref = serializers.IntegerField()
    station_name = serializers.CharField()
    station_tier = serializers.CharField()
    year = serializers.IntegerField()
    items = StarItemSerializer(many=True)
    self_total = serializers.DecimalField(max_digits=5, decimal_places=2)
    state = serializers.ChoiceField(choices=["submitted", "awarded", "refused"])
    stars = serializers.IntegerField(allow_null=True)
    reason = serializers.CharField()
    expires_on = serializers.DateField(allow_null=True)
    expired = serializers.SerializerMethodField()
    submitted_at = serializers.DateTimeField()
    reviewed_at = serializers.DateTimeField(allow_null=True)

    def get_expired(self, obj: Any) -> bool:
        return obj.expires_on is not None and obj.expires_on <= timezone.localdate()


class StarDecisionInSerializer(serializers.Serializer):
    award = serializers.BooleanField()
    stars = serializers.IntegerField(min_value=1, max_value=5, required=False, allow_null=True)
    reason = serializers.CharField(max_length=2000)


class CountyStarsSerializer(serializers.Serializer):
    county_id = serializers.IntegerField()
    county_name = serializers.CharField()
    stations_starred = serializers.IntegerField()
    star_total = serializers.IntegerField()
    average_stars = serializers.DecimalField(max_digits=3, decimal_places=1, allow_null=True)
    stars_expired = serializers.IntegerField()
    stars_pending = serializers.IntegerField()


SCOPE = OpenApiParameter(
    "scope",
    str,
    enum=["incoming", "own"],
    description="incoming: submissions awaiting this congress's review (default); own: this "
    "congress's submissions",
)


def _reviews(request: Request) -> Any:
    congress = host_congress(request)
    if request.query_params.get("scope") == "own":
        reviews = selectors.star_reviews_of(congress)
    else:
        reviews = selectors.star_reviews_to_review(congress)
    return reviews.select_related("congress", "reviewer_congress")


StarReviewListView = endpoint(
    Read(
        "star_review_list",
        "联络站星级评定：待本级评审的申报，或本级的申报 / station star reviews",
        _reviews,
        answer=StarReviewOutSerializer,
        many=True,
        parameters=[SCOPE],
    ),
    permission=STAFF,
)


def _review_to_decide(request: Request, pk: int) -> Any:
    congress = host_congress(request)
    review = selectors.star_review_for_reviewer(congress, pk)
    if review is None:
        if selectors.star_reviews_of(congress).filter(pk=pk).exists():
            raise NotAllowed("not_reviewer", _("只有上级人大可以评定本站星级。"))
        raise NotFound(_("该评星申报不存在。"), code="not_found")
    return review


def _decide(request: Request, review: Any, data: dict[str, Any]) -> Any:
    return services.star_review_decide(
        review=review,
        reviewer=host_congress(request),
        actor=request.user,
        award=data["award"],
        stars=data.get("stars"),
        reason=data["reason"],
    )


# A submission awaiting this congress's review, which its staff decide.
REVIEW = Action(
    permission=STAFF,
    lookup=_review_to_decide,
    responses=StarReviewOutSerializer,
)
StarReviewDecideView = REVIEW.view(
    operation_id="star_review_decide",
    summary="上级评定星级或不予评星（须写明理由）/ award or refuse stars, with a reason",
    body=StarDecisionInSerializer,
    run=_decide,
    find_first=True,
)


def _stars_by_county(request: Request) -> Any:
    congress = host_congress(request)
    if host_tenant(request).level != "city":
        raise NotAllowed("city_only", _("仅市级人大可查看各县（区）星级情况。"))
    return selectors.stars_by_county(congress, today=timezone.localdate())


StarsByCountyView = endpoint(
    Read(
        "stars_by_county",
        "各县（区）联络站星级（市级）/ station stars by county (the city)",
        _stars_by_county,
        answer=CountyStarsSerializer,
        many=True,
    ),
    permission=STAFF,
)
