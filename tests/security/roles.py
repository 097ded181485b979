"""Members of one role each, for the security tests."""

import uuid

from accounts.models import Membership, User
from congresses.models import Congress
from tests.conftest import PASSWORD


def member(congress: Congress, *roles: str) -> User:
    user = User.objects.create(username=f"{'-'.join(roles) or 'none'}-{uuid.uuid4().hex[:8]}")
    user.set_password(PASSWORD)
    user.save()
    Membership.objects.create(user=user, congress=congress, roles=list(roles))
    return user
