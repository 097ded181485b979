"""点名签到 over HTTP: the roll with who is present, and staff marking deputies present by list,
by a signed sign-in sheet or by a deputy's card at the door; the paper-ballot issue list."""

from typing import TYPE_CHECKING, Any

import segno
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.actions import Action
from api.inputs import queried, validated
from api.permissions import STAFF
from tenants.voting import rollcall
from tenants.voting.selectors import roll_call_list

from .serializers import RollEntryOutSerializer
from .views import _cycle

if TYPE_CHECKING:
    from tenants.voting.models import Cycle

MEETING_HELP = (
    "session: 票决会议 / the voting session; evaluation: 测评会议 / the evaluation meeting"
)


# Which meeting's roll: every query and body below names it.
class MeetingQuery(serializers.Serializer):
    meeting = serializers.ChoiceField(
        choices=rollcall.MEETINGS, default=rollcall.SESSION, help_text=MEETING_HELP
    )


class RollOutSerializer(serializers.Serializer):
    meeting = serializers.CharField()
    entitled_count = serializers.IntegerField(help_text="应到 / entitled")
    present_count = serializers.IntegerField(help_text="实到 / present")
    closed_reason = serializers.CharField(
        help_text="为空时可以签到；否则为不能签到的原因 / empty while attendance may be "
        "recorded, else why not"
    )
    deputies = RollEntryOutSerializer(many=True)


class CardEntryOutSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="代表编号 / deputy number")
    name = serializers.CharField()
    token = serializers.CharField(help_text="代表证二维码内容 / what the card's QR code holds")
    svg = serializers.CharField(help_text="二维码图形（SVG）/ the QR code as SVG")


class RollMarkInSerializer(MeetingQuery):
    deputy_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**31 - 1),
        allow_empty=False,
        max_length=5000,
        help_text="到会代表编号 / the deputies present",
    )


class RollUnmarkInSerializer(MeetingQuery):
    deputy_id = serializers.IntegerField(
        min_value=1, max_value=2**31 - 1, help_text="误签到的代表 / the deputy marked by mistake"
    )


class RollCardInSerializer(MeetingQuery):
    token = serializers.CharField(
        max_length=200, help_text="扫描代表证二维码所得 / the scanned card's text"
    )


class RollSheetInSerializer(MeetingQuery):
    file = serializers.FileField(
        help_text="签名签到表（xlsx，每行一名代表：姓名或代表编号）/ the signed sheet (xlsx: a "
        "name or a deputy number per row)"
    )


class SheetRowOutSerializer(serializers.Serializer):
    row = serializers.IntegerField(help_text="行号 / line in the sheet")
    name = serializers.CharField()
    number = serializers.CharField()
    status = serializers.ChoiceField(choices=list(rollcall.ROW_STATUS))
    message = serializers.CharField()
    deputy_id = serializers.IntegerField(allow_null=True)


class RollMarkOutSerializer(serializers.Serializer):
    marked = serializers.ListField(
        child=serializers.IntegerField(), help_text="本次签到 / marked now"
    )
    already = serializers.ListField(
        child=serializers.IntegerField(), help_text="此前已签到 / present before"
    )
    present_count = serializers.IntegerField(help_text="实到 / present")
    rows = SheetRowOutSerializer(many=True, help_text="签到表逐行结果 / the sheet, row by row")
    deputy_name = serializers.CharField(
        required=False, help_text="扫码签到的代表 / the card's holder"
    )


def _result(found: rollcall.RollCallResult, **more: Any) -> dict[str, Any]:
    return {
        "marked": list(found.marked),
        "already": list(found.already),
        "present_count": found.present_count,
        "rows": [rollcall.sheet_row_json(r) for r in found.rows],
        **more,
    }


class RollCallView(APIView):
    permission_classes = [STAFF]

    @extend_schema(
        operation_id="voting_roll_call_list",
        parameters=[MeetingQuery],
        responses=RollOutSerializer,
        summary="点名签到名单（谁已到会）/ the roll: who is present",
    )
    def get(self, request: Request, pk: int) -> Response:
        meeting = queried(MeetingQuery, request)["meeting"]
        cycle = _cycle(pk)
        roll = list(
            roll_call_list(cycle, evaluation=meeting == rollcall.EVALUATION).order_by(
                "delegation", "name", "pk"
            )
        )
        return Response(
            RollOutSerializer(
                {
                    "meeting": meeting,
                    "closed_reason": rollcall.roll_call_open(cycle, meeting),
                    "entitled_count": len(roll),
                    "present_count": sum(1 for d in roll if getattr(d, "present", False)),
                    "deputies": roll,
                }
            ).data
        )

    @extend_schema(
        operation_id="voting_roll_call_mark",
        request=RollMarkInSerializer,
        responses=RollMarkOutSerializer,
        summary="按名单点名签到（工作人员）/ staff mark the ticked deputies present",
    )
    def post(self, request: Request, pk: int) -> Response:
        data = validated(RollMarkInSerializer, request)
        found = rollcall.roll_call_mark(
            cycle=_cycle(pk),
            deputy_ids=data["deputy_ids"],
            meeting=data["meeting"],
            actor=request.user,
        )
        return Response(RollMarkOutSerializer(_result(found)).data)


# A change to the roll answers with what it marked.
ROLL = Action(
    permission=STAFF,
    lookup=lambda request, pk: _cycle(pk),
    responses=RollMarkOutSerializer,
)


def _card_scan(request: Request, cycle: "Cycle", data: dict[str, Any]) -> dict[str, Any]:
    deputy, found = rollcall.roll_call_card(cycle=cycle, actor=request.user, **data)
    return _result(found, deputy_name=deputy.name)


RollCallUnmarkView = ROLL.view(
    operation_id="voting_roll_call_unmark",
    summary="撤销误签到（投票开始前）/ take back a mark made by mistake, before the vote",
    body=RollUnmarkInSerializer,
    run=lambda r, cycle, d: _result(rollcall.roll_call_unmark(cycle=cycle, actor=r.user, **d)),
)
RollCallCardView = ROLL.view(
    operation_id="voting_roll_call_card",
    summary="扫描代表证二维码签到（工作人员）/ staff scan a deputy's card at the door",
    body=RollCardInSerializer,
    run=_card_scan,
)


def _card(pk: int, name: str, token: str) -> dict[str, Any]:
    svg = segno.make(token, error="m").svg_inline(scale=4, title=name)
    return {"id": pk, "name": name, "token": token, "svg": svg}


class RollCallCardsView(APIView):
    permission_classes = [STAFF]

    @extend_schema(
        operation_id="voting_roll_call_cards",
        responses=CardEntryOutSerializer(many=True),
        summary="代表证二维码内容（用于制作代表证）/ what each deputy's card QR code holds",
    )
    def get(self, request: Request, pk: int) -> Response:
        roll = roll_call_list(_cycle(pk)).order_by("delegation", "name", "pk")
        return Response(
            CardEntryOutSerializer(
                [_card(d.pk, d.name, rollcall.deputy_card_token(d)) for d in roll],
                many=True,
            ).data
        )


class RollCallSheetView(APIView):
    permission_classes = [STAFF]
    parser_classes = [MultiPartParser]

    @extend_schema(
        operation_id="voting_roll_call_sheet",
        request={"multipart/form-data": RollSheetInSerializer},
        responses=RollMarkOutSerializer,
        summary="导入签名签到表（逐行报告；有无法对应的行则整表不导入）/ import the signed "
        "sign-in sheet (reported per row; refused whole if a row names nobody)",
    )
    def post(self, request: Request, pk: int) -> Response:
        data = validated(RollSheetInSerializer, request)
        found = rollcall.roll_call_sheet(
            cycle=_cycle(pk), data=data["file"].read(), meeting=data["meeting"], actor=request.user
        )
        return Response(RollMarkOutSerializer(_result(found)).data)
