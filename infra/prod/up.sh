#!/usr/bin/env bash
# The production topology on this one machine, from Debian packages (infra/README.md):
#   nginx (TLS, compression, static files, security headers, rate limits)
#   -> gunicorn -> pgbouncer (session pooling) -> PostgreSQL primary + streaming replica
#   Celery workers per queue (ballots, notifications, rollups, crossing) and beat; Redis; an S3
#   API server (moto here; MinIO in production: infra/README.md).
# Everything lives under $PROD_DIR (default .data/prod) on ports of its own; `infra/prod/down.sh`
# stops it. The machine's own PostgreSQL and Redis are not touched.
# Prints nothing but progress; the settings the processes run with are in $PROD_DIR/env.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VENV="$ROOT/.venv"
PROD_DIR="$(mkdir -p "${PROD_DIR:-$ROOT/.data/prod}" && cd "${PROD_DIR:-$ROOT/.data/prod}" && pwd)"
HTTPS_PORT="${HTTPS_PORT:-58443}"
HTTP_PORT="${HTTP_PORT:-58080}"
WEB_PORT="${WEB_PORT:-58000}"
BOUNCER_PORT="${BOUNCER_PORT:-56432}"
PRIMARY_PORT="${PRIMARY_PORT:-55432}"
REPLICA_PORT="${REPLICA_PORT:-55433}"
REDIS_PORT="${REDIS_PORT:-56379}"
S3_PORT="${S3_PORT:-59000}"
BASE_DOMAIN="${BASE_DOMAIN:-congress.localhost}"
WEB_WORKERS="${WEB_WORKERS:-2}"
DB=congress

say() { printf '\033[1;34m==>\033[0m [%3ss] %s\n' "$SECONDS" "$*"; }
PIDS="$PROD_DIR/pids" LOGS="$PROD_DIR/logs" RUN="$PROD_DIR/run"
mkdir -p "$PIDS" "$LOGS" "$RUN"

# --- Packages -----------------------------------------------------------------------------
missing=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -x /usr/sbin/pgbouncer ] || missing+=(pgbouncer)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v openssl >/dev/null || missing+=(openssl)
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
[ -n "$PG_BIN" ] || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} (Debian packages)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
fi
as_pg=()
if [ "$(id -u)" = 0 ]; then
  as_pg=(runuser -u postgres --)
  chown postgres "$LOGS" "$RUN"  # PostgreSQL and pgbouncer write their logs and pids there
fi

# --- TLS: a local certificate authority and a wildcard certificate for the tenant hosts -------
TLS="$PROD_DIR/tls"
if [ ! -f "$TLS/server.pem" ]; then
  say "a local certificate for $BASE_DOMAIN and *.$BASE_DOMAIN"
  mkdir -p "$TLS"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 \
    -subj "/CN=Congress local CA" -keyout "$TLS/ca.key" -out "$TLS/ca.pem" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -subj "/CN=$BASE_DOMAIN" -keyout "$TLS/server.key" -out "$TLS/server.csr" 2>/dev/null
  printf '%s\n' "subjectAltName=DNS:$BASE_DOMAIN,DNS:*.$BASE_DOMAIN" \
    "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
    "extendedKeyUsage=serverAuth" "authorityKeyIdentifier=keyid" "subjectKeyIdentifier=hash" \
    >"$TLS/server.ext"
  openssl x509 -req -in "$TLS/server.csr" -CA "$TLS/ca.pem" -CAkey "$TLS/ca.key" \
    -CAcreateserial -days 30 -extfile "$TLS/server.ext" -out "$TLS/server.pem" 2>/dev/null
  chmod 600 "$TLS"/*.key
fi

# --- PostgreSQL: a primary and a streaming replica made from it with pg_basebackup ----------
PG="$PROD_DIR/pg"
mkdir -p "$PG"
[ "$(id -u)" = 0 ] && chown postgres "$PG"
if [ ! -f "$PG/primary/PG_VERSION" ]; then
  say "creating the primary cluster ($PG/primary)"
  "${as_pg[@]}" "$PG_BIN/initdb" -D "$PG/primary" -U postgres --auth=trust -E UTF8 >/dev/null
  cat >>"$PG/primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PRIMARY_PORT
unix_socket_directories = '$PG'
wal_level = replica
max_wal_senders = 4
wal_keep_size = '256MB'
hot_standby = on
max_connections = 100
CONF
  # Loopback only and trust, as on a developer's machine; production uses scram-sha-256 and a
  # replication role (infra/README.md).
  echo "host replication postgres 127.0.0.1/32 trust" >>"$PG/primary/pg_hba.conf"
fi
pg_up() { pg_isready -q -h 127.0.0.1 -p "$1"; }
if ! pg_up "$PRIMARY_PORT"; then
  say "starting the primary on 127.0.0.1:$PRIMARY_PORT"
  "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PG/primary" -l "$LOGS/primary.log" -w start >/dev/null
fi
psql_primary() { psql -X -q -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres "$@"; }
if ! psql_primary -tA -d postgres -c "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1; then
  psql_primary -d postgres -c "CREATE DATABASE $DB"
  # pgbouncer does not pass the `options` start-up parameter: the time limits that Django asks
  # for there are the database's own defaults instead (they survive pgbouncer's DISCARD ALL).
  psql_primary -d postgres -c "ALTER DATABASE $DB SET statement_timeout = '20s'" \
    -c "ALTER DATABASE $DB SET lock_timeout = '5s'"
fi
if [ ! -f "$PG/replica/PG_VERSION" ]; then
  say "creating the replica with pg_basebackup ($PG/replica)"
  "${as_pg[@]}" pg_basebackup -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$PG/replica" \
    -R -X stream -c fast >/dev/null
  cat >>"$PG/replica/postgresql.conf" <<CONF
port = $REPLICA_PORT
hot_standby_feedback = on
CONF
fi
if ! pg_up "$REPLICA_PORT"; then
  say "starting the replica on 127.0.0.1:$REPLICA_PORT"
  "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PG/replica" -l "$LOGS/replica.log" -w start >/dev/null
fi

# --- pgbouncer: session pooling (django-tenants keeps search_path as session state) ----------
BOUNCER="$PROD_DIR/pgbouncer"
mkdir -p "$BOUNCER"
cat >"$BOUNCER/pgbouncer.ini" <<INI
[databases]
$DB = host=127.0.0.1 port=$PRIMARY_PORT dbname=$DB
${DB}_replica = host=127.0.0.1 port=$REPLICA_PORT dbname=$DB

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $BOUNCER_PORT
unix_socket_dir =
auth_type = trust
auth_file = $BOUNCER/userlist.txt
; Session pooling: a server connection belongs to one client connection (one Django
; connection) until it closes, then DISCARD ALL clears its search_path before the next client.
pool_mode = session
server_reset_query = DISCARD ALL
default_pool_size = ${BOUNCER_POOL_SIZE:-8}
max_client_conn = 200
ignore_startup_parameters = extra_float_digits,options
logfile = $LOGS/pgbouncer.log
pidfile = $RUN/pgbouncer.pid
admin_users = postgres
INI
echo '"postgres" ""' >"$BOUNCER/userlist.txt"
[ "$(id -u)" = 0 ] && chown -R postgres "$BOUNCER"
if ! pg_up "$BOUNCER_PORT"; then
  say "starting pgbouncer on 127.0.0.1:$BOUNCER_PORT"
  "${as_pg[@]}" /usr/sbin/pgbouncer -d "$BOUNCER/pgbouncer.ini"
  for _ in $(seq 1 50); do pg_up "$BOUNCER_PORT" && break; sleep 0.1; done
fi

# --- Redis (broker and cache) and the S3 API server ------------------------------------------
if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
  say "starting Redis on 127.0.0.1:$REDIS_PORT"
  mkdir -p "$PROD_DIR/redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$PROD_DIR/redis" \
    --pidfile "$RUN/redis.pid" --logfile "$LOGS/redis.log" --appendonly yes >/dev/null
fi

# start NAME COMMAND...: in the background, its own session, its pid in $PIDS/NAME.pid
start() {
  local name=$1
  shift
  if [ -f "$PIDS/$name.pid" ] && kill -0 "$(cat "$PIDS/$name.pid")" 2>/dev/null; then return; fi
  setsid "$@" >>"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$PIDS/$name.pid"
}
wait_port() { # port name
  for _ in $(seq 1 300); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "$2 did not listen on $1; see $LOGS/$2.log" >&2
  return 1
}
start s3 "$VENV/bin/moto_server" -H 127.0.0.1 -p "$S3_PORT"

# --- The application's settings ----------------------------------------------------------
cat >"$PROD_DIR/env" <<ENV
DJANGO_SECRET_KEY=$(test -f "$PROD_DIR/secret" || head -c 48 /dev/urandom | base64 | tr -d '\n/+=' >"$PROD_DIR/secret"; cat "$PROD_DIR/secret")
CONGRESS_DATABASE_URL=postgres://postgres@127.0.0.1:$BOUNCER_PORT/$DB
CONGRESS_REPLICA_DATABASE_URL=postgres://postgres@127.0.0.1:$BOUNCER_PORT/${DB}_replica
CONGRESS_DB_CONN_MAX_AGE=0
CONGRESS_DATA_DIR=$PROD_DIR/app
CONGRESS_BASE_DOMAIN=$BASE_DOMAIN
CONGRESS_PUBLIC_PORT=$HTTPS_PORT
CONGRESS_PUBLIC_SCHEME=https
CONGRESS_SECURE_COOKIES=1
CONGRESS_TRUSTED_PROXIES=1
CONGRESS_REDIS_URL=redis://127.0.0.1:$REDIS_PORT/1
CELERY_BROKER_URL=redis://127.0.0.1:$REDIS_PORT/0
CELERY_RESULT_BACKEND=redis://127.0.0.1:$REDIS_PORT/0
CELERY_TASK_DEFAULT_QUEUE=congress
CONGRESS_CELERY_QUEUES_SPLIT=1
CONGRESS_S3_ENDPOINT=127.0.0.1:$S3_PORT
CONGRESS_ENVIRONMENT=production-local
ENV
set -a
# shellcheck disable=SC1091
source "$PROD_DIR/env"
set +a
cd "$ROOT"
say "migrating (public schema and every tenant) through pgbouncer; collecting static files"
# The static files need no database: collected (with pre-compressed copies for nginx's
# gzip_static; hashed assets are immutable) while the migration runs.
(
  "$VENV/bin/python" manage.py collectstatic --noinput -v 0
  find "$CONGRESS_DATA_DIR/static" -type f \( -name '*.js' -o -name '*.css' -o -name '*.svg' \
    -o -name '*.json' -o -name '*.html' \) ! -name '*.gz' -size +1k -exec gzip -kf9 {} +
  chmod -R a+rX "$CONGRESS_DATA_DIR/static"
) >"$LOGS/collectstatic.log" 2>&1 &
collecting=$!
"$VENV/bin/python" manage.py migrate_fleet -v 0
wait_port "$S3_PORT" s3
"$VENV/bin/python" manage.py shell -c "from filestore.storage import storage_ready; storage_ready()"
wait "$collecting" || { cat "$LOGS/collectstatic.log" >&2; exit 1; }
say "static files in $CONGRESS_DATA_DIR/static"

# --- gunicorn, Celery workers per queue, beat ---------------------------------------------------
start web "$VENV/bin/gunicorn" config.wsgi --bind "127.0.0.1:$WEB_PORT" --workers "$WEB_WORKERS" \
  --forwarded-allow-ips 127.0.0.1 --access-logfile -
for queue in ballots notifications rollups crossing; do
  extra=""
  [ "$queue" = ballots ] && extra=",congress"  # the default queue: provisioning, audit, sweeps
  start "worker-$queue" "$VENV/bin/celery" -A config worker -l INFO --concurrency 1 \
    -Q "$queue$extra" -n "$queue@%h"
done
start beat "$VENV/bin/celery" -A config beat -l INFO -s "$RUN/celerybeat-schedule"

# --- nginx ------------------------------------------------------------------------------------
NGINX="$PROD_DIR/nginx"
mkdir -p "$NGINX/temp"
cat >"$NGINX/proxy.conf" <<'CONF'
proxy_pass http://congress_web;
proxy_http_version 1.1;
proxy_set_header Connection "";
proxy_set_header Host $http_host;
proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
proxy_set_header X-Forwarded-Proto $scheme;
proxy_read_timeout 120s;
proxy_hide_header X-Content-Type-Options;
proxy_hide_header X-Frame-Options;
proxy_hide_header Referrer-Policy;
proxy_hide_header Strict-Transport-Security;
CONF
[ "$(id -u)" = 0 ] && chown -R www-data "$NGINX/temp"
sed -e "s#@HTTPS_PORT@#$HTTPS_PORT#g" -e "s#@HTTP_PORT@#$HTTP_PORT#g" \
  -e "s#@WEB_PORT@#$WEB_PORT#g" -e "s#@TLS@#$TLS#g" -e "s#@STATIC@#$CONGRESS_DATA_DIR/static#g" \
  -e "s#@NGINX@#$NGINX#g" -e "s#@LOGS@#$LOGS#g" -e "s#@RUN@#$RUN#g" \
  "$ROOT/infra/prod/nginx.conf.in" >"$NGINX/nginx.conf"
nginx -t -q -c "$NGINX/nginx.conf" -p "$NGINX"
if [ -f "$RUN/nginx.pid" ] && kill -0 "$(cat "$RUN/nginx.pid")" 2>/dev/null; then
  nginx -c "$NGINX/nginx.conf" -p "$NGINX" -s reload
else
  nginx -c "$NGINX/nginx.conf" -p "$NGINX"
fi

wait_port "$WEB_PORT" web
wait_port "$HTTPS_PORT" nginx
say "up: https://$BASE_DOMAIN:$HTTPS_PORT/ (CA: $TLS/ca.pem); health: /healthz; stop: PROD_DIR=$PROD_DIR infra/prod/down.sh"
