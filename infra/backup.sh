#!/usr/bin/env bash
# Nightly backup of the whole database (every schema) in PostgreSQL's custom format, kept for
# BACKUP_KEEP_DAYS (default 190: the audit log's retention is at least six months).
#   CONGRESS_DATABASE_URL=postgres://... BACKUP_DIR=/srv/backups infra/backup.sh
# Restore one tenant: pg_restore -d <db> -n <schema> <file>  (its public rows live in `public`).
# Files: run MinIO with versioning on the bucket and `mc mirror --watch` to a second site.
set -euo pipefail
: "${CONGRESS_DATABASE_URL:?set CONGRESS_DATABASE_URL}"
dir="${BACKUP_DIR:-/var/backups/congress}"
keep="${BACKUP_KEEP_DAYS:-190}"
mkdir -p "$dir"
file="$dir/congress-$(date -u +%Y%m%dT%H%M%SZ).dump"
pg_dump --format=custom --compress=6 --file="$file.partial" "$CONGRESS_DATABASE_URL"
mv "$file.partial" "$file"
pg_restore --list "$file" >/dev/null  # a dump that cannot be listed is no backup
find "$dir" -name 'congress-*.dump' -mtime "+$keep" -delete
echo "$file"
