# Shared by run.sh and test.sh: install what the project needs and find or start its services.
# Sourced, not executed. Every step is idempotent: a second run reuses what exists.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA="$ROOT/.data"
VENV="$ROOT/.venv"
UV_VERSION="0.13.9"
mkdir -p "$DATA"

say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
warn() { printf '\033[1;33m!!\033[0m %s\n' "$*"; }

install_python() {
  if ! command -v uv >/dev/null 2>&1; then
    say "installing uv $UV_VERSION"
    python3 -m pip install --quiet "uv==$UV_VERSION"
  fi
  say "python dependencies (uv.lock)"
  (cd "$ROOT" && uv sync --frozen --quiet)
  # platform/ is a source folder, never a package: put it (and the root) on the path.
  local site
  site="$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
  printf '%s\n%s\n' "$ROOT" "$ROOT/platform" > "$site/congress_paths.pth"
  "$VENV/bin/python" "$ROOT/manage.py" compilemessages --ignore=.venv --ignore=frontend -v 0
}

install_frontend() {
  local stamp="$ROOT/frontend/node_modules/.lock-stamp"
  if [ ! -f "$stamp" ] || ! cmp -s "$ROOT/frontend/package-lock.json" "$stamp"; then
    say "front-end dependencies (package-lock.json)"
    (cd "$ROOT/frontend" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$ROOT/frontend/package-lock.json" "$stamp"
  fi
}

build_frontend() {
  local index="$ROOT/frontend/dist/index.html"
  if [ -f "$index" ] && [ -z "$(find "$ROOT/frontend/src" "$ROOT/frontend/index.html" \
      "$ROOT/frontend/package-lock.json" -newer "$index" -print -quit)" ]; then
    return
  fi
  say "building the web app"
  (cd "$ROOT/frontend" && npm run build --silent >/dev/null)
}

# WenQuanYi Zen Hei, which the PDFs embed from its file (settings.PDF_CJK_FONT), and Chromium for
# the browser tests; both from Debian's packages when missing.
ensure_font() {
  if [ ! -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ]; then
    say "installing a Chinese font for the PDFs"
    apt-get update -qq && apt-get install -y -qq fonts-wqy-zenhei >/dev/null \
      || warn "could not install fonts-wqy-zenhei: PDFs fall back to the reader's STSong-Light"
  fi
}

ensure_browser_and_font() {
  if [ ! -x /usr/bin/chromium ] || [ ! -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ]; then
    say "installing Chromium and a Chinese font for the browser tests and the PDFs"
    apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null
  fi
}

# PostgreSQL: the one at 127.0.0.1:5432 if it answers, else a cluster of our own under .data/pg,
# run from the system's binaries as the postgres user (PostgreSQL refuses to run as root).
ensure_postgres() {
  if [ -n "${CONGRESS_DATABASE_URL:-}" ]; then return; fi
  local probe="${CONGRESS_PG_PORT:-5432}"
  if pg_isready -q -h 127.0.0.1 -p "$probe" 2>/dev/null; then
    export PGHOST=127.0.0.1 PGPORT=$probe PGUSER=postgres
    return
  fi
  local bin pgdata="$DATA/pg" port=5433
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$bin" ]; then
    say "installing PostgreSQL (Debian package)"
    apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi
  local as_pg=()
  if [ "$(id -u)" = 0 ]; then as_pg=(runuser -u postgres --); fi
  if [ ! -f "$pgdata/PG_VERSION" ]; then
    say "no PostgreSQL on 127.0.0.1:$probe: creating a local cluster in $pgdata"
    mkdir -p "$pgdata"
    [ "$(id -u)" = 0 ] && chown postgres "$pgdata"
    "${as_pg[@]}" "$bin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 >/dev/null
  fi
  if ! pg_isready -q -h 127.0.0.1 -p "$port"; then
    say "starting the local PostgreSQL on 127.0.0.1:$port"
    "${as_pg[@]}" "$bin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
      -o "-p $port -k /tmp -c listen_addresses=127.0.0.1" start >/dev/null
  fi
  export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres
}

database_url() { # name -> URL on the PostgreSQL found above
  echo "postgres://postgres@${PGHOST:-127.0.0.1}:${PGPORT:-5432}/$1"
}

ensure_database() { # name
  psql -qtA -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1 \
    || psql -q -d postgres -c "CREATE DATABASE \"$1\""
}

broker_reachable() {
  "$VENV/bin/python" - "${CELERY_BROKER_URL:-redis://127.0.0.1:6379/0}" <<'PY'
import sys
from kombu import Connection
try:
    with Connection(sys.argv[1], connect_timeout=2) as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
except Exception:
    sys.exit(1)
PY
}

s3_reachable() { # host:port
  "$VENV/bin/python" -c "import socket,sys; h,p=sys.argv[1].split(':'); socket.create_connection((h,int(p)),2)" "$1" 2>/dev/null
}
