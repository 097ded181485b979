from congresses.schemas import _statements_only

DUMP = """--
-- PostgreSQL database dump
--

\\restrict abc123
SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);
CREATE SCHEMA zz_template_x;
CREATE FUNCTION zz_template_x.f() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    -- a comment that belongs to the function

    SET LOCAL work_mem = '1MB';
    RETURN NEW;
END;
$$;
CREATE TABLE zz_template_x.t (id bigint NOT NULL);
\\unrestrict abc123
"""


def test_pg_dump_session_lines_go_and_function_bodies_stay_exactly() -> None:
    kept = _statements_only(DUMP, "zz_template_x")

    assert "statement_timeout" not in kept and "set_config" not in kept and "restrict" not in kept
    assert "CREATE SCHEMA" not in kept and "PostgreSQL database dump" not in kept
    body = DUMP[DUMP.index("AS $$") : DUMP.index("$$;") + 3]
    assert body in kept  # comment, blank line and SET inside the body untouched
    assert kept.rstrip().endswith("CREATE TABLE zz_template_x.t (id bigint NOT NULL);")
