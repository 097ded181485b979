"""The OpenAPI document's refusals: every operation may answer with the error body the exception
handler (api/errors.py) gives, `{"code", "detail", "fields"}`, for the statuses a refusal takes.
drf-spectacular documents only the success; a client generated from the document, and a fuzzer
checking answers against it, would otherwise meet undeclared statuses."""

from typing import Any

from api.error_codes import ERROR_CODES

ERROR_CODE = {
    "type": "string",
    "enum": sorted(ERROR_CODES),
    "description": "拒绝的原因代码（api/error_codes.py）/ the refusal's code",
}
ERROR = {
    "type": "object",
    "properties": {
        "code": {"$ref": "#/components/schemas/ErrorCode"},
        "detail": {"type": "string"},
        "fields": {"type": "object", "additionalProperties": True},
    },
    "required": ["code", "detail"],
}
REFUSALS = {
    "400": "请求有误 / bad request",
    "401": "未登录 / not logged in",
    "403": "无权访问 / forbidden",
    "404": "不存在 / not found",
    "405": "方法不允许 / method not allowed",
    "409": "状态冲突 / conflict",
    "413": "内容过大 / too large",
    "415": "格式不支持 / unsupported media type",
    "429": "请求过多 / too many requests",
}


def add_refusals(result: dict[str, Any], **_kwargs: Any) -> dict[str, Any]:
    """Postprocessing hook: the Error component and its responses on every operation."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["ErrorCode"] = ERROR_CODE
    schemas["Error"] = ERROR
    ref = {"$ref": "#/components/schemas/Error"}
    for item in result.get("paths", {}).values():
        for operation in item.values():
            responses = operation.setdefault("responses", {})
            for status, description in REFUSALS.items():
                responses.setdefault(
                    status,
                    {"content": {"application/json": {"schema": ref}}, "description": description},
                )
    return result


# A time of day as DRF writes it ("09:00:00", no offset: the congress's local time). OpenAPI's
# `format: time` is RFC 3339's full-time, which requires an offset, so a checker would refuse it.
LOCAL_TIME = {"type": "string", "pattern": r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$"}


def local_times(result: dict[str, Any], **_kwargs: Any) -> dict[str, Any]:
    """Postprocessing hook: every `format: time` property becomes a local time of day."""

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "string" and node.get("format") == "time":
                del node["format"]
                node.update(LOCAL_TIME)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(result)
    return result
