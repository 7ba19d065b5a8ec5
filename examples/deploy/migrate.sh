#!/usr/bin/env bash
# The sample service's migrate command: applies each file of examples/service/migrations that schema_migrations
# (dbmate's layout: one row per applied version) does not list yet, each in its own psql run, in name order.
# deploy.yml sets DATABASE_URL. health-gate's postgres check reads the same table.
set -euo pipefail
: "${DATABASE_URL:?deploy.yml sets DATABASE_URL from the database-url secret}"
psql "$DATABASE_URL" -X -q -v ON_ERROR_STOP=1 -c 'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY)'
for file in $(ls examples/service/migrations/*.sql | sort); do
  version="$(basename "$file" | cut -d_ -f1)"
  applied="$(psql "$DATABASE_URL" -X -q -A -t -v ON_ERROR_STOP=1 -v version="$version" <<< "SELECT 1 FROM schema_migrations WHERE version = :'version'")"
  [ -n "$applied" ] && continue
  echo "applying $file"
  psql "$DATABASE_URL" -X -q -v ON_ERROR_STOP=1 -f "$file"
  psql "$DATABASE_URL" -X -q -v ON_ERROR_STOP=1 -v version="$version" <<< "INSERT INTO schema_migrations (version) VALUES (:'version')"
done
