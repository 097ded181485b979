#!/usr/bin/env bash
# Nightly backup of the whole database (every schema) in PostgreSQL's custom format, kept for
# BACKUP_KEEP_DAYS (default 190: the audit log's retention is at least six months).
#   CONGRESS_DATABASE_URL=postgres://... BACKUP_DIR=/srv/backups infra/backup.sh
# It writes each table in physical order: while a round is open that order links ballots to
# participations (docs/ballot-secrecy.md), so run it outside voting sessions. One tenant, with its
# public rows and files and in an order that keeps the ballot secret: manage.py congress_backup
# and congress_restore (docs/backup.md).
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
