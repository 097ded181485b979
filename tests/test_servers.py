"""The helpers that start peers and platforms of their own for the tests (tests/servers.py)."""

from django.conf import settings

from tests.servers import database_connect, database_recreate, database_url, platform_env


def test_a_database_is_recreated_empty_and_then_dropped() -> None:
    name = f"{settings.DATABASES['default']['NAME']}_scratch"
    database_recreate(name)
    with database_connect(name) as conn:
        conn.execute("CREATE TABLE left_over (id int)")
    database_recreate(name)

    with database_connect(name) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_tables WHERE tablename = 'left_over'"
        ).fetchone()
    database_recreate(name, create=False)

    assert row == (0,)
    with database_connect() as conn:
        assert (
            conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is None
        )


def test_a_platform_of_its_own_has_its_database_files_queue_and_port() -> None:
    env = platform_env("other_db", s3_endpoint="127.0.0.1:9999", queue="own", port=8123)

    assert env == {
        "CONGRESS_DATABASE_URL": database_url("other_db"),
        "CONGRESS_S3_ENDPOINT": "127.0.0.1:9999",
        "CELERY_TASK_DEFAULT_QUEUE": f"{settings.CELERY_TASK_DEFAULT_QUEUE}-own",
        "CONGRESS_PUBLIC_PORT": "8123",
    }
    assert "CONGRESS_PUBLIC_PORT" not in platform_env("other_db", s3_endpoint="x", queue="own")
