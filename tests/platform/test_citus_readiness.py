"""The catalog stays ready for Citus schema-based sharding (docs/scaling.md): each tenant schema
can become a distributed schema on a worker node, and the public tables that tenant tables point
at can become reference tables (copied to every node)."""

import ast
import re
from pathlib import Path

from django.db import connection

from congresses.distribution import REFERENCE_TABLES
from tests.conftest import World

ROOT = Path(__file__).resolve().parents[2]

_CROSS_SCHEMA_FKS = """
    SELECT cn.nspname, c.relname, fn.nspname, f.relname
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace
    JOIN pg_class f ON f.oid = k.confrelid JOIN pg_namespace fn ON fn.oid = f.relnamespace
    WHERE k.contype = 'f' AND (cn.nspname = ANY(%(schemas)s) OR fn.nspname = ANY(%(schemas)s))
    ORDER BY 1, 2, 3, 4"""


def _foreign_keys(schemas: list[str]) -> list[tuple[str, str, str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(_CROSS_SCHEMA_FKS, {"schemas": schemas})
        return [tuple(row) for row in cursor.fetchall()]


def test_tenant_tables_point_only_into_their_own_schema_or_at_reference_tables(
    world: World,
) -> None:
    tenants = [world.town_a.schema_name, world.town_b.schema_name, world.county.schema_name]

    keys = _foreign_keys(tenants)

    assert keys, "the query found no foreign keys at all: it is looking in the wrong place"
    leaving = {(src, table, dst, target) for src, table, dst, target in keys if src != dst}
    assert all(src in tenants and dst == "public" for src, _t, dst, _f in leaving), leaving
    assert {target for *_rest, target in leaving} <= REFERENCE_TABLES


def test_reference_tables_point_only_at_reference_tables(world: World) -> None:
    keys = _foreign_keys(["public"])

    outward = {
        (table, target)
        for src, table, dst, target in keys
        if src == "public" and table in REFERENCE_TABLES
    }

    assert {target for _table, target in outward} <= REFERENCE_TABLES, outward
    assert all(dst == "public" for src, _t, dst, _f in keys if src == "public")


# An SQL text that qualifies a table with a schema given at run time: `{quoted}.voting_ballot`.
_QUALIFIED = re.compile(r"\{([^{}]+)\}\.\w")
_SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|VACUUM|ANALYZE|ALTER|CREATE|DROP)\b")


def _sql_texts(tree: ast.AST) -> list[tuple[int, str]]:
    """Every f-string in the module, as the source text of its parts, with its line."""
    texts = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            texts.append((node.lineno, ast.unparse(node)))
    return texts


def test_no_statement_names_two_schemas() -> None:
    offenders, qualified = [], 0
    for folder in ("platform", "tenants", "api"):
        for path in (ROOT / folder).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for line, text in _sql_texts(ast.parse(path.read_text(encoding="utf-8"))):
                if not _SQL.search(text):
                    continue
                schemas = set(_QUALIFIED.findall(text))
                qualified += bool(schemas)
                if len(schemas) > 1:
                    offenders.append(f"{path.relative_to(ROOT)}:{line}: {text}")

    assert qualified, "no schema-qualified statement found: the scan is not reading the code"
    assert offenders == []


def test_the_scan_sees_a_statement_that_names_two_schemas() -> None:
    source = 'sql = f"SELECT * FROM {a}.voting_round JOIN {b}.voting_round USING (id)"'

    (_line, text) = _sql_texts(ast.parse(source))[0]

    assert set(_QUALIFIED.findall(text)) == {"a", "b"}
