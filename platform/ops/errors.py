"""Domain errors: a stable machine code plus a translated message. The API turns them into 4xx."""


class DomainError(Exception):
    """A refused action: wrong input, wrong phase or a broken rule (HTTP 400 by default)."""

    status = 400

    def __init__(
        self,
        code: str,
        message: str,
        *,
        field: str | None = None,
        extra: dict[str, object] | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        # More for the caller to act on, such as the rows of an import that were refused.
        self.extra = extra or {}


class NotAllowed(DomainError):
    """The caller lacks the right for this action (HTTP 403)."""

    status = 403


class Conflict(DomainError):
    """The action clashes with existing state, such as a duplicate (HTTP 409)."""

    status = 409


def require_text(value: str, code: str, message: str, *, field: str | None = None) -> None:
    """Refuse a text the action needs that was left blank (empty or only white space)."""
    if not value.strip():
        raise DomainError(code, message, field=field)
