"""Files answered to a download (PDF, workbooks, images): the view, its schema and its response."""

from typing import Any

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse
from rest_framework.request import Request
from rest_framework.views import APIView

from api.views import PublicView

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SVG = "image/svg+xml"


class DownloadView(APIView):
    def perform_content_negotiation(self, request: Request, force: bool = False) -> Any:
        # A download asks for a PDF, a workbook or an image; a refusal is still answered in JSON.
        return super().perform_content_negotiation(request, force=True)


# A file on the public portal (a station's QR code, the published account): anyone, no session.
class PublicDownloadView(PublicView, DownloadView):
    pass


def binary(content_type: str, description: str) -> dict[Any, Any]:
    """The schema's `responses` for a file of `content_type`."""
    return {(200, content_type): OpenApiResponse(OpenApiTypes.BINARY, description=description)}


def attachment(
    content: bytes, content_type: str, filename: str, *, no_store: bool = True
) -> HttpResponse:
    """`content` to be saved as `filename`; not kept by any cache unless `no_store` is off."""
    response = HttpResponse(content, content_type=content_type)
    disposition = content_disposition_header(as_attachment=True, filename=filename)
    assert disposition is not None  # None only for an inline file without a name
    response["Content-Disposition"] = disposition
    if no_store:
        response["Cache-Control"] = "no-store"
    return response
