"""The public rate limit on each kind of cache: counts per client, refuses past the limit, forgets at the end of
its window (not sooner), and keeps no address."""

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.test import RequestFactory

from intake import submission
from intake.submission import over_rate_limit

ADDRESS = "203.0.113.50"
WINDOW = 3600
DATABASE_CACHE = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "rate_test"}}
MEMORY_CACHE = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "rate_test"}}


@pytest.fixture(params=["database", "memory"])
def counters(request, settings, db):  # noqa: ANN001, ANN201
    """The database cache (the default) and one with an atomic increment (as Redis has)."""
    settings.CACHES = DATABASE_CACHE if request.param == "database" else MEMORY_CACHE
    settings.PUBLIC_RATE_LIMIT = 3
    settings.PUBLIC_RATE_WINDOW_SECONDS = WINDOW
    if request.param == "database":
        call_command("createcachetable", verbosity=0)
    caches["default"].clear()
    yield caches["default"]
    caches["default"].clear()


@pytest.fixture
def clock(monkeypatch):  # noqa: ANN001, ANN201
    """Now, from the start of a window (``time.time``, as the rate limit and the caches read it)."""
    now = [WINDOW * 500_000.0]
    monkeypatch.setattr(submission.time, "time", lambda: now[0])
    return now


def attempt(address: str = ADDRESS) -> bool:
    return over_rate_limit(RequestFactory().post("/", REMOTE_ADDR=address), "hate_report")


def test_the_limit_is_reached_after_the_allowed_number(counters, clock) -> None:  # noqa: ANN001
    assert [attempt() for _ in range(5)] == [False, False, False, True, True]
    assert attempt("198.51.100.20") is False  # another client has its own count


def test_the_count_lasts_until_its_window_ends(counters, clock, monkeypatch) -> None:  # noqa: ANN001
    # ``clock`` moves time.time (the expiry the caches write); the database cache compares with its tz_now.
    monkeypatch.setattr("django.core.cache.backends.db.tz_now", _cache_now(clock))
    for _ in range(3):
        attempt()
    clock[0] += WINDOW - 60  # 59 minutes on, still the same window: a short cache expiry would have lost the count
    assert attempt() is True
    clock[0] += 120  # a new window
    assert attempt() is False


def test_no_address_is_kept(counters, clock) -> None:  # noqa: ANN001
    attempt()
    if hasattr(counters, "_cache"):
        keys = list(counters._cache.keys())
    else:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SELECT cache_key FROM rate_test")
            keys = [row[0] for row in cursor.fetchall()]
    assert keys
    assert all(ADDRESS not in key and ADDRESS.replace(".", "") not in key for key in keys)


def _cache_now(clock: list[float]):  # noqa: ANN202
    import datetime

    return lambda: datetime.datetime.fromtimestamp(clock[0], tz=datetime.UTC)


REDIS_URL = "redis://127.0.0.1:6379/15"


def _redis_reachable() -> bool:
    import socket

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _redis_reachable(), reason="needs Redis on 127.0.0.1:6379 (production's cache)")
def test_redis_counts_atomically_and_the_counter_expires_with_its_window(settings) -> None:  # noqa: ANN001
    """The production cache (CSPHUB_CACHE_URL=redis://...): Redis's own INCR, and a server-side expiry no later
    than the end of the window."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL,
                                   "KEY_PREFIX": "csphub-test-rate"}}
    settings.PUBLIC_RATE_LIMIT = 3
    settings.PUBLIC_RATE_WINDOW_SECONDS = WINDOW
    cache = caches["default"]
    cache.clear()
    try:
        assert [attempt() for _ in range(5)] == [False, False, False, True, True]
        assert attempt("198.51.100.20") is False
        client = cache._cache.get_client(write=False)
        keys = client.keys("csphub-test-rate:*")
        assert len(keys) == 2
        assert all(ADDRESS.encode() not in key for key in keys)
        assert all(0 < client.ttl(key) <= WINDOW for key in keys)
    finally:
        cache.clear()
