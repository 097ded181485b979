from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.generics import get_object_or_404
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.roles import Role
from api.inputs import checked
from api.permissions import has_role
from filestore.models import StoredFile
from filestore.services import file_download_url, file_store

from .access import file_readable


class FileOutSerializer(serializers.ModelSerializer[StoredFile]):
    class Meta:
        model = StoredFile
        fields = ["id", "name", "content_type", "size", "sha256", "uploaded_at"]


class FileUploadInSerializer(serializers.Serializer):
    file = serializers.FileField()


class FileUploadView(APIView):
    # Only the roles with something to attach: staff (materials, minutes, activity photos) and
    # units (progress photos). Anyone else could only fill the store.
    # The party reviewer uploads the minutes of the 党委审定 it records.
    permission_classes = [has_role(Role.STAFF, Role.UNIT, Role.PARTY_REVIEWER)]
    parser_classes = [MultiPartParser]

    @extend_schema(
        operation_id="file_upload",
        request={"multipart/form-data": FileUploadInSerializer},
        responses={201: FileOutSerializer},
        summary="上传附件 / upload a file",
    )
    def post(self, request: Request) -> Response:
        data = FileUploadInSerializer(data=request.data)
        checked(data)
        upload = data.validated_data["file"]
        stored = file_store(uploaded_by=request.user, name=upload.name, data=upload.read())
        return Response(FileOutSerializer(stored).data, status=status.HTTP_201_CREATED)


class FileUrlOutSerializer(serializers.Serializer):
    url = serializers.CharField()


class FileDownloadView(APIView):
    @extend_schema(
        operation_id="file_download_url",
        responses=FileUrlOutSerializer,
        summary="下载链接（限时）/ a short-lived download URL",
    )
    def get(self, request: Request, pk: int) -> Response:
        # The row is looked up in this host's schema: another tenant's file id finds nothing.
        stored = get_object_or_404(StoredFile, pk=pk)
        if not file_readable(request, stored):
            # The same answer as a missing file: a guessed id learns nothing.
            raise NotFound(_("文件不存在。"), code="file_unknown")
        return Response({"url": file_download_url(stored=stored)})
