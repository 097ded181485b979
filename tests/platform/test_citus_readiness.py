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


# Everything an object of a tenant schema depends on outside that schema: a view's tables, a
# column default's sequence, a trigger's function, a foreign key's table and its unique index.
_LEAVING_DEPENDENCIES = """
    SELECT coalesce(o.schema, own.nspname), o.type, o.identity, r.schema, r.type, r.identity,
           c.relname AS referenced_table
    FROM pg_depend d
    CROSS JOIN LATERAL pg_identify_object(d.classid, d.objid, d.objsubid) o
    CROSS JOIN LATERAL pg_identify_object(d.refclassid, d.refobjid, d.refobjsubid) r
    -- rules (a view's query), triggers and column defaults name no schema: their table's
    LEFT JOIN pg_rewrite w ON d.classid = 'pg_rewrite'::regclass AND w.oid = d.objid
    LEFT JOIN pg_trigger t ON d.classid = 'pg_trigger'::regclass AND t.oid = d.objid
    LEFT JOIN pg_attrdef ad ON d.classid = 'pg_attrdef'::regclass AND ad.oid = d.objid
    LEFT JOIN pg_class owner ON owner.oid = coalesce(w.ev_class, t.tgrelid, ad.adrelid)
    LEFT JOIN pg_namespace own ON own.oid = owner.relnamespace
    LEFT JOIN pg_index i ON d.refclassid = 'pg_class'::regclass AND i.indexrelid = d.refobjid
    LEFT JOIN pg_class c ON d.refclassid = 'pg_class'::regclass
                        AND c.oid = coalesce(i.indrelid, d.refobjid)
    WHERE coalesce(o.schema, own.nspname) = ANY(%(schemas)s)
      AND r.schema IS DISTINCT FROM coalesce(o.schema, own.nspname)
      AND r.schema NOT IN ('pg_catalog', 'information_schema')
    ORDER BY 1, 3, 6"""


def _leaving(schemas: list[str]) -> list[tuple[str, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(_LEAVING_DEPENDENCIES, {"schemas": schemas})
        return [tuple(row) for row in cursor.fetchall()]


def _not_distributable(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """What a distributed schema could not take along: anything but a foreign key (and the
    unique index it relies on) pointing at a public reference table."""
    return [
        row
        for row in rows
        if not (row[1] == "table constraint" and row[3] == "public" and row[6] in REFERENCE_TABLES)
    ]


def test_nothing_in_a_tenant_schema_depends_on_another_schema_but_reference_tables(
    world: World,
) -> None:
    tenants = [world.town_a.schema_name, world.town_b.schema_name, world.county.schema_name]

    rows = _leaving(tenants)

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_depend d, pg_identify_object(d.classid, d.objid, d.objsubid) o"
            " WHERE o.schema = ANY(%s)",
            [tenants],
        )
        (inside,) = cursor.fetchone()
    assert inside > 1000, "the scan does not see the tenant schemas' own objects"
    assert _not_distributable(rows) == []


def test_the_catalog_scan_sees_a_view_that_joins_two_tenant_schemas(world: World) -> None:
    a, b = world.town_a.schema_name, world.town_b.schema_name
    with connection.cursor() as cursor:
        cursor.execute(
            f'CREATE VIEW "{a}".both_rosters AS SELECT x.id FROM "{a}".deputies_deputy x'
            f' JOIN "{b}".deputies_deputy y ON y.id = x.id'
        )
    try:
        found = _not_distributable(_leaving([a]))
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP VIEW "{a}".both_rosters')

    assert any(row[2].endswith("both_rosters") and row[3] == b for row in found), found
