# The database the nodes use, from COMMERCE_DB_URL / COMMERCE_DB_USER / COMMERCE_DB_PASSWORD (as
# bin/postgres reads them): DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD, and db_psql to query it.
# shellcheck shell=bash

DB_URL="${COMMERCE_DB_URL:-jdbc:postgresql://localhost:5432/commerce}"
DB_USER="${COMMERCE_DB_USER:-commerce}"
DB_PASSWORD="${COMMERCE_DB_PASSWORD:-commerce}"
_db_rest="${DB_URL#jdbc:postgresql://}"
_db_hostport="${_db_rest%%/*}"
DB_NAME="${_db_rest#*/}"
DB_NAME="${DB_NAME%%\?*}"
DB_HOST="${_db_hostport%%:*}"
DB_PORT="5432"
[[ "$_db_hostport" == *:* ]] && DB_PORT="${_db_hostport##*:}"

# psql on that database: unaligned, tuples only, stopping at the first error.
db_psql() {
  PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" \
    -v ON_ERROR_STOP=1 -qtA "$@"
}
