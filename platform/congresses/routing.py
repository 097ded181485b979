"""Host name → congress, from the cache (docs/tenancy.md, "Routing").

A request on a tenant host used to cost two SQL round trips before its view ran: a `SET
search_path` to public and the domain lookup. The answer for a host (the congress's row, or "no
such host") is kept in the cache together with the routing generation it was read under; any
service that changes a congress or a domain calls `routing_forget()`, which draws a new
generation, so every entry read before the change stops counting: at once in the process that
made the change, and within `ROUTING_LOCAL_SECONDS` (1 s) in the others, which keep a copy of
the answers and read the generation from the cache at most that often.

The generation is read before the database, so a request that read the registry before a change
committed stores its answer under the old generation: the bump after the commit makes it stale.
`routing_forget()` bumps now (a request later in the same transaction, or a test, sees the change)
and again after the commit (a request between the two read the old rows).

The keys are made in the public schema (the cache's key function prefixes the schema name), and
a cache that is down only costs the lookup it would have saved.
"""

import logging
import time
import uuid
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from redis.exceptions import RedisError

from .models import Congress, Domain
from .tenant import public_schema

logger = logging.getLogger(__name__)

GENERATION_KEY = "routing:generation"
HOST_KEY = "routing:host:{}"
# Entries are invalidated by the generation; the timeout only bounds the cache's memory.
ENTRY_SECONDS = 60 * 60
# A process keeps at most this many answers (a flood of made-up host names cannot grow it).
LOCAL_HOSTS_MAX = 10_000
_FIELDS = tuple(field.attname for field in Congress._meta.concrete_fields)


def _host_key(hostname: str) -> str:
    # Host names are at most 253 characters of [a-z0-9.-] (ALLOWED_HOSTS checked them already).
    return HOST_KEY.format(hostname.lower())


def _from_database(hostname: str) -> tuple[Any, ...] | None:
    domain = Domain.objects.select_related("tenant").filter(domain=hostname).first()
    if domain is None:
        return None
    return tuple(getattr(domain.tenant, name) for name in _FIELDS)


class _ProcessCopy:
    """This process's copy of the answers, good for `ROUTING_LOCAL_SECONDS` after the generation
    was last read from the cache: most requests touch neither the cache nor the database."""

    def __init__(self) -> None:
        self.generation: str | None = None
        self.checked_at = float("-inf")
        self.hosts: dict[str, tuple[Any, ...] | None] = {}

    def fresh(self) -> bool:
        return time.monotonic() - self.checked_at < settings.ROUTING_LOCAL_SECONDS

    def seen(self, generation: str | None) -> None:
        if generation != self.generation or len(self.hosts) >= LOCAL_HOSTS_MAX:
            self.hosts.clear()
            self.generation = generation
        self.checked_at = time.monotonic()

    def clear(self) -> None:
        self.generation = None
        self.checked_at = float("-inf")
        self.hosts.clear()


_process = _ProcessCopy()


def congress_for_host(hostname: str) -> Congress | None:
    """The congress a host name routes to, None for an unknown host. Call in the public schema."""
    key = _host_key(hostname)
    fresh = _process.fresh() and key in _process.hosts
    values = _process.hosts[key] if fresh else _from_cache(key, hostname)
    if values is None:
        return None
    return Congress.from_db("default", list(_FIELDS), list(values))


def _from_cache(key: str, hostname: str) -> tuple[Any, ...] | None:
    try:
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        entry = found.get(key)
        if generation is not None and entry is not None and entry[0] == generation:
            values: tuple[Any, ...] | None = entry[1]
        else:
            generation = generation or _generation_start()
            values = _from_database(hostname)
            cache.set(key, (generation, values), ENTRY_SECONDS)
    except RedisError:
        logger.warning("routing cache unavailable: host looked up in the database")
        _process.clear()
        return _from_database(hostname)
    _process.seen(generation)
    _process.hosts[key] = values
    return values


def _generation_start() -> str | None:
    cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    value: str | None = cache.get(GENERATION_KEY)
    return value


def routing_cache_clear() -> None:
    """Every cached host answer stops counting now: at once in this process, within
    ROUTING_LOCAL_SECONDS in the others (routing_forget() for a service's change)."""
    _process.clear()
    with public_schema():
        try:
            cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        except RedisError:
            # Entries outlive a change only while the cache that holds them is unreachable;
            # the next successful bump (or their timeout) ends them.
            logger.error("routing cache unavailable: could not invalidate host entries")


def routing_forget() -> None:
    """Every cached host answer stops counting, now and again when the transaction commits.
    Called by every service that creates, changes or removes a congress or a domain."""
    routing_cache_clear()
    transaction.on_commit(routing_cache_clear)
