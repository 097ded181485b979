"""The OpenAPI document's refusals: every operation may answer with the error body the exception
handler (api/errors.py) gives, `{"code", "detail", "fields"}`, for the statuses a refusal takes.
drf-spectacular documents only the success; a client generated from the document, and a fuzzer
checking answers against it, would otherwise meet undeclared statuses."""

from typing import Any

ERROR = {
    "type": "object",
    "properties": {
        "code": {"type": "string"},
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
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
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
