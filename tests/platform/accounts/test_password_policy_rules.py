"""The password policy's safe bounds and a password's expiry, pinned at every edge: a policy may
make passwords stronger, never weaker than the platform's own rules."""

import pytest

from accounts.rules import (
    MAX_AGE_DAYS_BOUNDS,
    MIN_LENGTH_BOUNDS,
    password_expired,
    password_policy_refusal,
)


def test_the_bounds_are_those_the_administrators_read() -> None:
    assert MIN_LENGTH_BOUNDS == (8, 32)
    assert MAX_AGE_DAYS_BOUNDS == (30, 365)


@pytest.mark.parametrize(
    ("min_length", "max_age_days", "refusal"),
    [
        (8, 0, None),
        (32, 0, None),
        (7, 0, "min_length"),
        (33, 0, "min_length"),
        (0, 0, "min_length"),
        (12, 30, None),
        (12, 365, None),
        (12, 29, "max_age_days"),
        (12, 366, "max_age_days"),
        (12, 1, "max_age_days"),
        (7, 29, "min_length"),  # the length is named first
    ],
)
def test_a_policy_is_refused_outside_its_bounds_naming_the_field(
    min_length: int, max_age_days: int, refusal: str | None
) -> None:
    assert password_policy_refusal(min_length=min_length, max_age_days=max_age_days) == refusal


@pytest.mark.parametrize(
    ("age_days", "max_age_days", "expired"),
    [
        (1000.0, 0, False),
        (None, 0, False),
        (None, 90, True),
        (90.0, 90, False),
        (90.01, 90, True),
        (0.0, 30, False),
        (31.0, 30, True),
    ],
)
def test_a_password_expires_after_the_policys_lifetime_only(
    age_days: float | None, max_age_days: int, expired: bool
) -> None:
    assert password_expired(age_days=age_days, max_age_days=max_age_days) is expired
