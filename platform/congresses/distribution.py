"""How the catalog would spread over a Citus cluster past one PostgreSQL (docs/scaling.md).

Each tenant schema becomes a distributed schema (`citus.enable_schema_based_sharding`): all of
its tables live together on one worker node. The public tables that tenant tables point at must
become reference tables, copied to every node; they are small and rarely written. Every other
public table stays on the coordinator (or is distributed by congress) and no tenant table may point
at it. tests/platform/test_citus_readiness.py holds the catalog to this.
"""

REFERENCE_TABLES = frozenset({"accounts_user"})
