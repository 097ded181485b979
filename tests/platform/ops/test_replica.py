"""Replica reads (ops.replica): only inside `replica_reads()`, only with a replica configured;
the replica is never migrated. The routing to a real replica is shown by tests/infra."""

from accounts.models import User
from ops.replica import REPLICA, ReplicaRouter, replica_configured, replica_reads


def test_without_a_replica_every_read_stays_on_the_primary() -> None:
    router = ReplicaRouter()

    assert not replica_configured()  # development and the test run have none
    with replica_reads():
        assert router.db_for_read(User) is None
    assert router.db_for_read(User) is None
    assert router.db_for_write(User) is None


def test_the_replica_is_never_migrated_and_the_primary_is_left_to_the_other_routers() -> None:
    router = ReplicaRouter()

    assert router.allow_migrate(REPLICA, "accounts") is False
    assert router.allow_migrate("default", "accounts") is None
