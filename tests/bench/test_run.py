"""The benchmark report (tests/bench/run.py): figures in the shape each bench writes with --json,
Markdown out, with every target judged."""

from tests.bench.run import report

META = {
    "sizes": "0, 40",
    "note": " (a small run)",
    "full_command": "python tests/bench/run.py --sizes 0 500 1000",
    "command": "python tests/bench/run.py --sizes 0 40 --quick",
    "date": "2026-12-03 13:00 UTC",
    "machine": "2 vCPU (nproc), 23.5 GB RAM, PostgreSQL 15.20",
}


def _provisioning(pooled_ms_at_40: float) -> dict:
    paths = {
        "migrations": [3000.0, 3100.0, 2900.0],
        "template": [50.0, 60.0, 40.0],
        "provision": [300.0, 310.0, 290.0],
    }
    return {
        "tenant_schema": {"tables": 48, "constraints": 300, "indexes": 260},
        "template_build_ms": 2500.0,
        "timings_ms": {
            "40": paths | {"pooled": [pooled_ms_at_40] * 3},
            "0": paths | {"pooled": [40.0, 50.0, 60.0]},
        },
        "pg_class_rows": {"0": 500, "40": 9000},
        "identity": {
            "clone": {"identical_rounds": 0, "differing_rounds": 3, "first_differences": []},
            "template": {"identical_rounds": 3, "differing_rounds": 0, "first_differences": []},
            "provision": {"identical_rounds": 2, "differing_rounds": 1, "first_differences": []},
        },
    }


def _casting(lost: int) -> dict:
    def burst(throughput: float, p95: float, statuses: dict[str, int]) -> dict:
        return {"throughput": throughput, "p50_ms": p95 / 2, "p95_ms": p95, "statuses": statuses}

    return {
        "deputies": 300,
        "workers": 2,
        "rounds": [
            {
                "entitled": 300,
                "stored": 300 - lost,
                "get": burst(100.0, 2000.0, {"200": 300}),
                "cast": burst(90.0, 2200.0, {"201": 300}),
                "recast": burst(95.0, 2100.0, {"409": 299, "500": 1}),
            }
        ],
    }


def _summary(text: str) -> list[str]:
    start = text.index("## Summary")
    return text[start : text.index("\n## ", start + 1)].splitlines()


def test_each_target_is_judged_from_the_medians_and_a_miss_is_marked() -> None:
    text = report(
        {"provisioning": _provisioning(100.0), "schema": _provisioning(100.0)},
        meta=META,
        failures={},
    )
    summary = _summary(text)

    # Provisioning as it runs (a pooled schema): migrations median 3000 ms, 60x at 0 tenants,
    # 30x at 40; the worst size is judged.
    assert any("(pooled) ≥ 50x faster" in row and "| 30.0x | **no** |" in row for row in summary)
    # The empty pool's fallback (3000 / 300 ms) is reported, not judged.
    assert (
        "With the pool empty, provisioning replays the template in its transaction: 10.0x" in text
    )
    assert not any("10.0x" in row for row in summary)
    # 100 ms at 40 against 50 ms at 0: not flat.
    assert any("flat from 0 to 40" in row and "| 2.00x | **no** |" in row for row in summary)
    assert any(
        "template, provision: schema identical" in row
        and "| provision differs in 1 of 3 rounds | **no** |" in row
        for row in summary
    )
    assert "clone differs from the migrated schema in 3 of 3 rounds (reported, not a" in text
    assert any("≤ 50 tables | 48 | yes |" in row for row in summary)
    assert any("≤ 250 indexes | 260 | **no** |" in row for row in summary)
    # The detail table: smallest size first, median and min-max of each path, the ratio.
    assert "| 0 | pooled | 50.0 | 40.0-60.0 | 60.0x |" in text
    assert text.index("| 0 | migrations |") < text.index("| 40 | migrations |")


def test_the_casting_verdicts_compare_casts_with_the_gets() -> None:
    text = report({"casting": _casting(lost=0)}, meta=META, failures={})
    summary = _summary(text)

    assert any("throughput ≥ 0.8" in row and "| 0.90 | yes |" in row for row in summary)
    assert any("p95 ≤ 2x" in row and "| 1.10x | yes |" in row for row in summary)
    assert any("0 ballots lost" in row and "| 0 | yes |" in row for row in summary)
    assert any("refused with 409" in row and "| 299 of 300 | **no** |" in row for row in summary)

    lost = _summary(report({"casting": _casting(lost=2)}, meta=META, failures={}))
    assert any("0 ballots lost" in row and "| 2 | **no** |" in row for row in lost)


def test_the_header_names_the_run_and_a_bench_that_failed_is_named_with_its_reason() -> None:
    text = report(
        {"casting": _casting(lost=0)},
        meta=META,
        failures={"frontend": "exit 1: no Chromium"},
    )

    assert text.startswith("# Benchmarks\n\nSizes in this run: 0, 40 tenants (a small run).")
    assert "`python tests/bench/run.py --sizes 0 500 1000`" in text
    assert "- Command: `python tests/bench/run.py --sizes 0 40 --quick`" in text
    assert "- Machine: 2 vCPU (nproc)" in text
    assert "- Targets met: 3 of 4; not run: frontend" in text
    assert "## The deputy's ballot page on a phone\n\nNot measured: exit 1: no Chromium" in text
    assert "## Migrating the fleet\n\nNot measured: not run in this report" in text


def test_the_fleet_memory_and_page_targets_are_judged_at_the_largest_size() -> None:
    fleet = {
        "jobs": 2,
        "other_tenants": 0,
        "seconds": {
            str(size): {
                "nothing to apply": {"migrate_schemas": [stock], "migrate_fleet": [0.5]},
                "one migration pending": {"migrate_schemas": [stock], "migrate_fleet": [2.0]},
            }
            for size, stock in ((20, 5.0), (40, 12.0))
        },
    }
    walk = {"schemas": 42, "backends": 1, "last_mb": 30.0, "seconds": 9.0}
    memory = {
        "20": {
            "per_connection": 50,
            "unbounded": walk | {"max_mb": 20.0},
            "bounded": walk | {"max_mb": 70.0},
        },
        "40": {
            "per_connection": 50,
            "unbounded": walk | {"max_mb": 90.0},
            "bounded": walk | {"max_mb": 40.0},
        },
    }
    load = {"js_files": 44, "js_encoded": 236 * 1024, "js_decoded": 751 * 1024, "shown_ms": 8000.0}
    frontend = {
        "loopback": [load | {"fcp_ms": 300.0}],
        "Fast 3G": [
            load | {"fcp_ms": 2500.0},
            load | {"fcp_ms": 3500.0},
            load | {"fcp_ms": 3200.0},
        ],
    }

    summary = _summary(
        report({"fleet": fleet, "memory": memory, "frontend": frontend}, meta=META, failures={})
    )

    assert any(
        "nothing to apply: migrate_fleet ≥ 20x faster at 40 tenants | 24.0x | yes |" in row
        for row in summary
    )
    assert any(
        "one migration pending: migrate_fleet ≥ 5x faster at 40 tenants | 6.0x | yes |" in row
        for row in summary
    )
    assert any(
        "≤ 64 MB after 40 tenants (largest reading) | 40.0 MB | yes |" in row for row in summary
    )
    assert any(
        "≤ 250 KB of JavaScript sent (compressed) | 236 KB | yes |" in row for row in summary
    )
    assert any("≤ 3 s on Fast 3G | 3200 ms | **no** |" in row for row in summary)
