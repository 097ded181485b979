"""Settings for every process: web, Celery worker and beat, management commands, tests.

Everything that differs between machines comes from the environment (see `config.env`);
defaults fit the development machine described in README.md.
"""

from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from .env import database_from_url, env_bool, env_float, env_int, env_str, origin_of

ROOT_DIR = Path(__file__).resolve().parents[2]
PLATFORM_DIR = ROOT_DIR / "platform"
DATA_DIR = Path(env_str("CONGRESS_DATA_DIR", str(ROOT_DIR / ".data")))

SECRET_KEY = env_str(
    "DJANGO_SECRET_KEY", "dev-only-insecure-key-change-me-in-production-0123456789"
)
# The key a round's ballots are boxed under while it is open (tenants/voting/store.py,
# docs/ballot-secrecy.md). Kept on the application hosts, never in the database or its backups;
# derived from SECRET_KEY when not set.
BALLOT_KEY = env_str("CONGRESS_BALLOT_KEY", "") or "ballot-key:" + SECRET_KEY
DEBUG = env_bool("DJANGO_DEBUG", default=False)
BASE_DOMAIN = env_str("CONGRESS_BASE_DOMAIN", "localhost")
ALLOWED_HOSTS = [BASE_DOMAIN, f".{BASE_DOMAIN}", "127.0.0.1"]
# The port the browser sees, for links that move a user between tenant hosts.
PUBLIC_PORT = env_str("CONGRESS_PUBLIC_PORT", "8000")
PUBLIC_SCHEME = env_str("CONGRESS_PUBLIC_SCHEME", "http")

# --- Tenancy: folders mirror schemas -------------------------------------------------------
SHARED_APPS = [
    "django_tenants",
    "congresses",
    "accounts",
    "audit",
    "filestore",
    "ops",
    "crossing",
    "rollups",
    "supervision",
    "directory",
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.admin",
    "rest_framework",
    "drf_spectacular",
    "axes",
    "csp",
]
TENANT_APPS = [
    # The audit chain and file records live in every schema: public for platform actions, each tenant for its own.
    "audit",
    "filestore",
    "outbox",
    "tenants.deputies",
    "tenants.voting",
    "tenants.implementation",
    "tenants.notifications",
    "tenants.linkage.stations",
    "tenants.linkage.activities",
    "tenants.linkage.duty",
    "tenants.linkage.opinions",
    "tenants.demo",
]
INSTALLED_APPS = list(SHARED_APPS) + [app for app in TENANT_APPS if app not in SHARED_APPS]

TENANT_MODEL = "congresses.Congress"
TENANT_DOMAIN_MODEL = "congresses.Domain"
PUBLIC_SCHEMA_NAME = "public"
TENANT_LIMIT_SET_CALLS = True
DATABASE_ROUTERS = ["ops.replica.ReplicaRouter", "django_tenants.routers.TenantSyncRouter"]

DATABASES = {
    "default": {
        **database_from_url(
            env_str("CONGRESS_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/congress")
        ),
        # Long-lived connections that visit many schemas grow without bound (tenancy-costs.md),
        # so connections are recycled.
        "CONN_MAX_AGE": env_int("CONGRESS_DB_CONN_MAX_AGE", 60),
        "CONN_HEALTH_CHECKS": True,
        # One slow query or one held lock must not take the site: a connection attempt, a
        # statement and a wait for a lock are each cut short (ops.outage answers 503 / 409).
        # Gunicorn gives a request 30 s, so a statement gets less.
        "OPTIONS": {
            "connect_timeout": env_int("CONGRESS_DB_CONNECT_TIMEOUT_SECONDS", 3),
            "options": (
                f"-c statement_timeout={env_int('CONGRESS_DB_STATEMENT_TIMEOUT_MS', 20_000)}"
                f" -c lock_timeout={env_int('CONGRESS_DB_LOCK_TIMEOUT_MS', 5_000)}"
            ),
        },
        "TEST": {"NAME": env_str("CONGRESS_TEST_DATABASE", "test_congress")},
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# A streaming replica (infra/README.md): the dashboards and exports read from it
# (ops.replica); without one they read from the primary like everything else.
REPLICA_DATABASE_URL = env_str("CONGRESS_REPLICA_DATABASE_URL", "")
if REPLICA_DATABASE_URL:
    DATABASES["replica"] = {
        **DATABASES["default"],
        **database_from_url(REPLICA_DATABASE_URL),
        "TEST": {"MIRROR": "default"},
    }
# The role the application connects as, granted only SELECT and INSERT on the audit table
# (audit.ownership); empty: the role that runs the migrations (development, tests).
DATABASE_APP_ROLE = env_str("CONGRESS_DB_APP_ROLE", "")
# Code that walks many schemas on one connection (the rebuild, fan-out workers, the dispatch
# sweep) closes it after this many different schemas: its memory stays bounded (ops.schemawalk).
SCHEMAS_PER_CONNECTION = env_int("CONGRESS_SCHEMAS_PER_CONNECTION", 50)

MIDDLEWARE = [
    "ops.middleware.ClientAddressMiddleware",
    "congresses.middleware.CongressMiddleware",
    "ops.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "ops.middleware.NulRefusalMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.TenantSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
]
ROOT_URLCONF = "config.urls"
# The platform host serves the operators' console only (config/urls_public.py).
PUBLIC_SCHEMA_URLCONF = "config.urls_public"
SHOW_PUBLIC_IF_NO_TENANT_FOUND = False
# Host answers are cached (congresses.routing); a process re-reads the cache's routing generation
# at most this often, so a change made in another process routes everywhere within this long.
ROUTING_LOCAL_SECONDS = env_float("CONGRESS_ROUTING_LOCAL_SECONDS", 1.0)
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

# --- Identity ----------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "accounts.passwords.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "accounts.passwords.CharacterClassValidator"},
    {"NAME": "accounts.passwords.CongressPolicyValidator"},
]
# Failed logins are counted per (username, client address) by django-axes, so a stranger
# elsewhere cannot lock a deputy out: five failures lock that pair for 30 minutes. Failures from
# one address across all usernames are capped too (password spraying), at a level a hall full
# of deputies behind one NAT does not reach by mistyping.
LOGIN_MAX_FAILURES = env_int("CONGRESS_LOGIN_MAX_FAILURES", 5)
LOGIN_LOCKOUT_MINUTES = env_int("CONGRESS_LOGIN_LOCKOUT_MINUTES", 30)
LOGIN_ADDRESS_MAX_FAILURES = env_int("CONGRESS_LOGIN_ADDRESS_MAX_FAILURES", 30)
AXES_FAILURE_LIMIT = LOGIN_MAX_FAILURES
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# A failure during a lockout does not restart the clock, so the owner waits 30 minutes at most.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "ops.network.client_address"
# Axes keeps the typed name in its table and logs: a hash, since people type passwords there.
AXES_USERNAME_CALLABLE = "accounts.services.login_attempt_key"
AXES_DISABLE_ACCESS_LOG = True  # successful logins are in the audit chain already
AXES_VERBOSE = False
# Login runs through accounts.services.login_check, which asks axes directly (it must answer a
# non-member like a wrong password): axes' authentication backend and middleware are not used.
SILENCED_SYSTEM_CHECKS = ["axes.W002", "axes.W003"]
# Idle timeout: every request renews the cookie, so it expires after this much inactivity.
SESSION_COOKIE_AGE = env_int("CONGRESS_IDLE_TIMEOUT_SECONDS", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("CONGRESS_SECURE_COOKIES", default=False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# How many reverse proxies in front of Django append to X-Forwarded-For: 0 for `make run`
# (a client's own X-Forwarded-For is then ignored), 1 behind infra's nginx. The client address
# is resolved once, by ops.middleware.ClientAddressMiddleware, for throttles, axes and logs.
TRUSTED_PROXIES = env_int("CONGRESS_TRUSTED_PROXIES", 0)
if TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
HANDOFF_TTL_SECONDS = 60
# API tokens: the longest lifetime each role may ask for is in accounts.rules.
API_TOKEN_DEFAULT_DAYS = 30

# --- Browser security headers --------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
# No path or query (the hand-off page's included) leaves for another site in a Referer.
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- API ---------------------------------------------------------------------------------
REST_FRAMEWORK = {
    # REMOTE_ADDR already holds the resolved client address (TRUSTED_PROXIES above).
    "NUM_PROXIES": 0,
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.TenantTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.IsTenantMember"],
    # JSON with bounded nesting (a deep body is a 400, not a RecursionError), forms, uploads.
    "DEFAULT_PARSER_CLASSES": [
        "api.parsers.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    "DEFAULT_PAGINATION_CLASS": "api.pagination.PagePagination",
    "PAGE_SIZE": 50,
    "UNAUTHENTICATED_USER": None,
    # Public forms: per client address, on the tenant-prefixed cache.
    "DEFAULT_THROTTLE_RATES": {
        "public_proposal": "5/hour",
        "public_tracking": "60/hour",
        "public_verify": "30/hour",
        "public_objection": "5/hour",
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "人大代表履职平台 API / Congress platform API",
    "DESCRIPTION": "县乡人大民生实事项目票决与代表多级联动履职 / "
    "Livelihood-project voting and cross-level deputy work for county and township congresses",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.add_refusals",
        "api.schema.local_times",
    ],
    "ENUM_NAME_OVERRIDES": {
        "RoleEnum": "accounts.roles.Role",
        "ReportStateEnum": "api.supervision.serializers.REPORT_STATES",
        "CongressLevelEnum": "congresses.models.Level",
        "StateEnum": "congresses.models.ProvisioningJob.State",
        "RoundStateEnum": "tenants.voting.models.Round.State",
        "PhaseEnum": "tenants.voting.models.Phase",
        "ThresholdBaseEnum": ["entitled", "present", "valid"],  # tenants.voting.rules
        "EvaluationBaseEnum": ["entitled", "valid"],  # tenants.voting.satisfaction
        "RuleFieldEnum": "tenants.voting.rule_templates.RULE_FIELDS",
        "KindEnum": "tenants.voting.models.Round.Kind",
        "GovernanceKindEnum": "tenants.voting.models.GovernanceStep.Kind",
        "ProposalSourceEnum": "tenants.voting.models.Proposal.Source",
        "ProposalStatusEnum": "tenants.voting.models.Proposal.Status",
        "RectificationSourceEnum": "tenants.implementation.models.Rectification.Source",
        "ActivityKindEnum": "tenants.linkage.activities.models.KIND_CHOICES",
        "ActivityStateEnum": "tenants.linkage.activities.models.Activity.State",
        "InvitationResponseEnum": "tenants.linkage.activities.models.Invitation.Response",
        "DutyKindEnum": "tenants.linkage.duty.models.Kind",
        "DutyEntryStateEnum": "tenants.linkage.duty.models.DutyEntry.State",
        "DutyObjectionStateEnum": "tenants.linkage.duty.models.Objection.State",
        "ChannelEnum": "tenants.voting.models.Channel",
        "StationTierEnum": "tenants.linkage.stations.models.Tier",
        "StationStaffDutyEnum": "tenants.linkage.stations.models.StaffMember.Duty",
        "StationAssessmentStateEnum": "tenants.linkage.stations.models.Assessment.State",
        "OpinionStatusEnum": "tenants.linkage.opinions.models.Status",
        "OpinionChannelEnum": "tenants.linkage.opinions.models.Channel",
        "OpinionCategoryEnum": "tenants.linkage.opinions.models.Category",
        "OpinionRatingEnum": "tenants.linkage.opinions.models.Rating",
        "OpinionDeclineKindEnum": "tenants.linkage.opinions.models.DeclineKind",
        "BenchmarkKindEnum": "supervision.models.Kind",
        "BenchmarkStateEnum": "supervision.models.State",
        "GuidanceKindEnum": "supervision.models.Guidance.Kind",
        "NominationStatusEnum": "supervision.models.Nomination.Status",
        "SatisfactionOutcomeEnum": "api.voting.evaluation.OUTCOMES",
        "DeputyLevelEnum": "tenants.deputies.models.DeputyLevel",
    },
}

# --- Internationalisation ----------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("English"))]
# One catalog per module folder: platform/config/locale for the platform's shared code, each
# tenant module and platform app its own locale/ (found as an installed app), and each api/<module>
# its own (not an app, so listed here). makemessages files a string under the nearest locale/.
LOCALE_PATHS = [PLATFORM_DIR / "config" / "locale", *sorted((ROOT_DIR / "api").glob("**/locale"))]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# --- Static files: the built web app is served by Django ---------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"  # collectstatic's target in production
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns about a missing one
FRONTEND_DIST = Path(env_str("CONGRESS_FRONTEND_DIST", str(ROOT_DIR / "frontend" / "dist")))
STATICFILES_DIRS = [FRONTEND_DIST] if FRONTEND_DIST.exists() else []
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
# Vite names built assets `name-<hash>.ext`: those are cached for good by browsers.
WHITENOISE_IMMUTABLE_FILE_TEST = r"/assets/.+-[0-9A-Za-z_-]{8,}\.\w+$"

# --- Cache: keys carry the schema name ---------------------------------------------------
REDIS_URL = env_str("CONGRESS_REDIS_URL", "redis://127.0.0.1:6379/1")
CACHES = {
    "default": {
        "BACKEND": env_str("CONGRESS_CACHE_BACKEND", "django.core.cache.backends.redis.RedisCache"),
        "LOCATION": REDIS_URL,
        "KEY_FUNCTION": "django_tenants.cache.make_key",
        "KEY_PREFIX": "congress",
        # A cache that is down answers within a second (ops.outage turns it into a 503).
        "OPTIONS": {
            "socket_connect_timeout": env_float("CONGRESS_CACHE_TIMEOUT_SECONDS", 1.0),
            "socket_timeout": env_float("CONGRESS_CACHE_TIMEOUT_SECONDS", 1.0),
        },
    }
}

# --- Celery: the tenant travels in every message (tenant-schemas-celery) ------------------
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND", "redis://127.0.0.1:6379/0")
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_TASK_DEFAULT_QUEUE", "congress")
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_WORKER_MAX_TASKS_PER_CHILD = 500
# No caller reads a task's result, so sending one never touches the result backend (a task
# that must answer, such as ops.tasks.whereami, says ignore_result=False).
CELERY_TASK_IGNORE_RESULT = True
# A request never waits on the broker: a short connect and socket timeout, one connection
# attempt and no publish retry; a refused send is deferred (congresses.tenant.enqueue_on_commit).
BROKER_TIMEOUT_SECONDS = env_float("CONGRESS_BROKER_TIMEOUT_SECONDS", 1.0)
CELERY_BROKER_CONNECTION_TIMEOUT = BROKER_TIMEOUT_SECONDS
CELERY_TASK_PUBLISH_RETRY = False
# A message taken by a worker that dies unacknowledged goes back to the queue after this long
# (acks_late): longer than the slowest task (provisioning, a few minutes), far short of hours.
VISIBILITY_TIMEOUT_SECONDS = env_int("CONGRESS_VISIBILITY_TIMEOUT_SECONDS", 15 * 60)
# A prefix on every key the broker keeps (queues, and the unacknowledged messages waiting to go
# back): a test run sets one of its own, so no other run's leftovers on the same Redis reach it.
BROKER_KEY_PREFIX = env_str("CONGRESS_BROKER_KEY_PREFIX", "")
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "global_keyprefix": BROKER_KEY_PREFIX,
    "visibility_timeout": VISIBILITY_TIMEOUT_SECONDS,
    "socket_connect_timeout": BROKER_TIMEOUT_SECONDS,
    "socket_timeout": 5 * BROKER_TIMEOUT_SECONDS,
    "max_retries": 0,
}
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"visibility_timeout": VISIBILITY_TIMEOUT_SECONDS}
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = BROKER_TIMEOUT_SECONDS
CELERY_REDIS_SOCKET_TIMEOUT = 5 * BROKER_TIMEOUT_SECONDS
# Production splits the work over queues, each with workers of its own (infra/prod/up.sh), so a
# nightly rebuild never delays a ballot's follow-up or a notification; the rest stays on the
# default queue. Off by default: development and tests run one worker on one queue.
CELERY_QUEUES_SPLIT = env_bool("CONGRESS_CELERY_QUEUES_SPLIT", default=False)
TASK_QUEUES = {
    "tenants.voting.*": "ballots",
    "tenants.implementation.tasks.*": "notifications",
    "tenants.linkage.opinions.tasks.*": "notifications",
    "supervision.tasks.*": "notifications",
    "rollups.tasks.*": "rollups",
    "outbox.tasks.*": "rollups",
    "crossing.tasks.*": "crossing",
}
CELERY_TASK_ROUTES = (
    {pattern: {"queue": queue} for pattern, queue in TASK_QUEUES.items()}
    if CELERY_QUEUES_SPLIT
    else {}
)
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_EXPIRES = 24 * 60 * 60
CELERY_TIMEZONE = TIME_ZONE
_minute, _hour, _day = 60, 60 * 60, 24 * 60 * 60
# Each periodic task: its name, the task, and every how many seconds it runs.
CELERY_BEAT_SCHEDULE: dict[str, dict[str, object]] = {
    name: {"task": task, "schedule": every}
    for name, task, every in (
        ("audit-anchor-all-chains", "audit.tasks.anchor_all_chains", _day),
        ("audit-verify-all-chains", "audit.tasks.verify_all_chains", _day),
        ("crossing-sweep", "crossing.tasks.sweep", _minute),
        # What a down broker held back: deferred sends, and outbox events no drain reached.
        ("congresses-resend", "congresses.tasks.resend", _minute),
        ("outbox-sweep", "outbox.tasks.sweep", _minute),
        ("provisioning-sweep", "congresses.tasks.sweep_stuck_jobs", 5 * _minute),
        ("provisioning-pool-refill", "congresses.tasks.pool_refill", 10 * _minute),
        # Traffic lights, milestone reminders and overdue alerts: hourly, idempotent per day.
        ("implementation-alerts", "tenants.implementation.tasks.alerts_everywhere", _hour),
        ("rollups-rebuild-nightly", "rollups.tasks.rebuild_all", _day),
        # The route's reminders, from the rollup rows: once per township and stage (docs/route.md).
        ("supervision-route-check", "supervision.tasks.check_route", _day),
        # Report-back reminders, days before a notice's date: once per congress and notice.
        ("supervision-report-remind", "supervision.tasks.remind_reports", _day),
        ("opinions-flag-overdue", "tenants.linkage.opinions.tasks.flag_overdue_everywhere", _hour),
    )
}

# --- Files: S3 API (MinIO in production), one prefix per tenant ---------------------------
S3_ENDPOINT = env_str("CONGRESS_S3_ENDPOINT", "127.0.0.1:9000")
S3_ACCESS_KEY = env_str("CONGRESS_S3_ACCESS_KEY", "minioadmin")
S3_SECRET_KEY = env_str("CONGRESS_S3_SECRET_KEY", "minioadmin")
S3_BUCKET = env_str("CONGRESS_S3_BUCKET", "congress")
S3_SECURE = env_bool("CONGRESS_S3_SECURE", default=False)
S3_REGION = env_str("CONGRESS_S3_REGION", "us-east-1")
# Where browsers reach storage (https://files.<base domain> behind nginx); download URLs are
# signed for it. Empty: the endpoint above, which only suits a development machine.
S3_PUBLIC_URL = env_str("CONGRESS_S3_PUBLIC_URL", "")
# Storage that is down is refused in seconds (filestore.storage.client), not after a minute.
S3_CONNECT_TIMEOUT = env_float("CONGRESS_S3_CONNECT_TIMEOUT_SECONDS", 2.0)
S3_READ_TIMEOUT = env_float("CONGRESS_S3_READ_TIMEOUT_SECONDS", 20.0)
UPLOAD_MAX_BYTES = env_int("CONGRESS_UPLOAD_MAX_BYTES", 20 * 1024 * 1024)
PRESIGNED_URL_SECONDS = env_int("CONGRESS_PRESIGNED_URL_SECONDS", 5 * 60)

# --- Content-Security-Policy (django-csp): scripts from this origin only; Element Plus sets
# inline styles, so styles allow 'unsafe-inline'. Photos load from presigned S3 URLs, which name
# the public storage address when there is one (filestore.storage.signing_client).
S3_ORIGIN = origin_of(S3_PUBLIC_URL) or f"{'https' if S3_SECURE else 'http'}://{S3_ENDPOINT}"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", S3_ORIGIN],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- E-mail: notifications go out through SMTP when a server is configured, else to the log.
EMAIL_HOST = env_str("CONGRESS_EMAIL_HOST", "")
EMAIL_PORT = env_int("CONGRESS_EMAIL_PORT", 465)
EMAIL_HOST_USER = env_str("CONGRESS_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_str("CONGRESS_EMAIL_PASSWORD", "")
EMAIL_USE_SSL = env_bool("CONGRESS_EMAIL_SSL", default=True)
EMAIL_TIMEOUT = 10
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env_str("CONGRESS_EMAIL_FROM", "人大代表履职平台 <noreply@localhost>")

# --- Printed documents: a CJK TrueType font to embed in PDFs (Debian's fonts-wqy-zenhei);
# when the file is absent they fall back to the reader's STSong-Light (not embedded).
PDF_CJK_FONT = env_str("CONGRESS_PDF_FONT", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")

# --- Provisioning ------------------------------------------------------------------------
PG_DUMP = env_str("CONGRESS_PG_DUMP", "pg_dump")
# A job queued or running longer than this is failed by beat's sweep (its worker died).
PROVISIONING_STUCK_MINUTES = env_int("CONGRESS_PROVISIONING_STUCK_MINUTES", 30)
# Tenant schemas kept built ahead, claimed by rename when a congress is provisioned (0: no pool,
# every provisioning replays the template).
PROVISIONING_POOL_SIZE = env_int("CONGRESS_PROVISIONING_POOL_SIZE", 4)

# --- Observability -----------------------------------------------------------------------
# /healthz runs its checks at once, each given this long (ops.health).
HEALTH_CHECK_SECONDS = env_float("CONGRESS_HEALTH_CHECK_SECONDS", 3.0)
SENTRY_DSN = env_str("SENTRY_DSN", "")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"context": {"()": "ops.logging.ContextFilter"}},
    "formatters": {
        "structured": {
            "format": "%(asctime)s %(levelname)s %(name)s tenant=%(tenant)s "
            "request=%(request_id)s %(message)s"
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["context"],
            "formatter": "structured",
        }
    },
    "root": {"handlers": ["console"], "level": env_str("CONGRESS_LOG_LEVEL", "INFO")},
}

from ops.sentry import init_sentry  # noqa: E402  (settings must exist first)

init_sentry(dsn=SENTRY_DSN, environment=env_str("CONGRESS_ENVIRONMENT", "development"))
