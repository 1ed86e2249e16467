"""Settings for csphub, read from environment variables (see .env.example)."""

import importlib.util
import sys
from pathlib import Path

import dj_database_url
from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured

from csphub.env import env_bool, env_int, env_list, env_str, secret_key

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("CSPHUB_VAR_DIR", str(BASE_DIR / "var")))
TESTING = "pytest" in sys.modules or env_bool("CSPHUB_TESTING")

DEBUG = env_bool("CSPHUB_DEBUG")
# Demo mode: sample data, second factor optional, and a banner on every page saying so.
DEMO = env_bool("CSPHUB_DEMO")
SECRET_KEY = secret_key(VAR_DIR)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

PARTNERSHIP_NAME = env_str("CSPHUB_PARTNERSHIP_NAME", "Community Safety Partnership")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "csphub",
    "partnership",
    "audit",
    "access",
    "core",
    "intake",
    # Domain apps, one per area of the partnership's work
    "hate_crime",
    "asb",
    "domestic_abuse",
    "vawg",
    "analytics",
    "tension",
    "reviews",
    "strategy",
    "retention",
    "rights",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "partnership.middleware.StaffSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "csphub.urls"
WSGI_APPLICATION = "csphub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "csphub" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csphub.context_processors.service",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'csphub.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "partnership.User"
LOGIN_URL = "partnership:sign_in"
LOGIN_REDIRECT_URL = "core:dashboard"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Argon2 is deliberately slow; tests create many users.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-in protection
SIGN_IN_MAX_FAILURES = env_int("CSPHUB_SIGN_IN_MAX_FAILURES", 5)
SIGN_IN_LOCKOUT_MINUTES = env_int("CSPHUB_SIGN_IN_LOCKOUT_MINUTES", 15)
SESSION_IDLE_MINUTES = env_int("CSPHUB_SESSION_IDLE_MINUTES", 30)
SESSION_COOKIE_AGE = 12 * 60 * 60
PASSWORD_RESET_TIMEOUT = 60 * 60
# Messages live in the server-side session, not in a cookie (a new API key is shown once through one).
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
OTP_TOTP_ISSUER = PARTNERSHIP_NAME

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [
    ("govuk", BASE_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk"),
    ("leaflet", BASE_DIR / "node_modules" / "leaflet" / "dist"),
    BASE_DIR / "csphub" / "static_build",
]
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(Path(env_str("CSPHUB_MEDIA_ROOT", str(VAR_DIR / "media"))))},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG or DEMO or TESTING
# Served straight from the source folders in demo and tests; collected (`csphub collectstatic`) in production.
STATIC_ROOT = None if WHITENOISE_USE_FINDERS else VAR_DIR / "static"
MEDIA_URL = "/media-not-served/"

ATTACHMENT_MAX_BYTES = env_int("CSPHUB_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Email: every message goes through the outbox (intake.models.OutboundMessage).
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "csphub@localhost")
OUTBOX_MAX_ATTEMPTS = env_int("CSPHUB_OUTBOX_MAX_ATTEMPTS", 8)

TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if TESTING
        else "django_tasks_db.DatabaseBackend",
    }
}

# The cache holds the public forms' rate-limit counters and, for ten minutes, the values a submission shows once.
# CSPHUB_CACHE_URL: redis://host:6379/0 (Django's RedisCache, shared by every worker without touching the
# database; needs the `redis` package) or db://table (the default: the database cache, enough for the demo).
CACHE_URL = env_str("CSPHUB_CACHE_URL", "db://csphub_cache")
_cache_scheme, _, _cache_table = CACHE_URL.partition("://")
if _cache_scheme in ("redis", "rediss"):
    if importlib.util.find_spec("redis") is None:
        raise ImproperlyConfigured("CSPHUB_CACHE_URL is a Redis URL, but the redis package is not installed")
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}}
elif _cache_scheme == "db" and _cache_table:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": _cache_table}}
else:
    raise ImproperlyConfigured("CSPHUB_CACHE_URL must be redis://host:port/db or db://table")
if TESTING:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Maps: Leaflet over a tile server the partnership chooses (progressive enhancement; pages work without it).
MAP_TILE_URL = env_str("CSPHUB_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env_str("CSPHUB_MAP_TILE_ATTRIBUTION", "© OpenStreetMap contributors")
_MAP_TILE_ORIGIN = "/".join(MAP_TILE_URL.split("/")[:3])

# Public forms
PUBLIC_RATE_LIMIT = env_int("CSPHUB_PUBLIC_RATE_LIMIT", 20)  # submissions per client per hour
PUBLIC_RATE_WINDOW_SECONDS = 3600

# Subject access exports: mark staff names for redaction review (the partnership's policy on staff names)
SAR_REVIEW_STAFF_NAMES = env_bool("CSPHUB_SAR_REVIEW_STAFF_NAMES", False)

# Retention schedule: a record is removed only after a plan this many days old showed it as due (docs/retention.md)
RETENTION_NOTICE_DAYS = env_int("CSPHUB_RETENTION_NOTICE_DAYS", 14)

# Security headers
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_AGE = None  # a browser-session cookie, as the privacy notice says
CSRF_FAILURE_VIEW = "csphub.views_errors.csrf_failure"
HTTPS = env_bool("CSPHUB_HTTPS", default=not (DEBUG or DEMO or TESTING))
SECURE_SSL_REDIRECT = HTTPS and env_bool("CSPHUB_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env_bool("CSPHUB_BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SILENCED_SYSTEM_CHECKS = [] if HTTPS else ["security.W004", "security.W008", "security.W012", "security.W016"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", _MAP_TILE_ORIGIN],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Logs carry ids and events, never personal data: no request bodies, no query strings.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("CSPHUB_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.server": {"level": "WARNING"},
        "django.request": {"level": "ERROR"},
    },
}
