#!/usr/bin/env bash
# Installs and starts the PostgreSQL 15 the connector tests use (Debian), with wal_level=logical for
# the Debezium CDC source, and creates the meshbone role and databases. Safe to run again.
set -euo pipefail

SUDO=""
AS_POSTGRES="runuser -u postgres --"
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; AS_POSTGRES="sudo -u postgres"; fi

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -d /etc/postgresql/15/main ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi

conf=/etc/postgresql/15/main/conf.d/meshbone.conf
if [ ! -f "$conf" ]; then
  # Logical decoding for Debezium's pgoutput plugin; a few slots for parallel test runs.
  printf "wal_level = logical\nmax_replication_slots = 10\nmax_wal_senders = 10\nlisten_addresses = 'localhost'\n" \
    | $SUDO tee "$conf" >/dev/null
  $SUDO pg_ctlcluster 15 main stop >/dev/null 2>&1 || true
fi

if ! pg_lsclusters -h | awk '$1 == 15 && $2 == "main" {print $4}' | grep -q online; then
  $SUDO pg_ctlcluster 15 main start
fi

psql_admin() { $AS_POSTGRES psql -v ON_ERROR_STOP=1 -qtAc "$1"; }
if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = 'meshbone'")" != "1" ]; then
  psql_admin "CREATE ROLE meshbone LOGIN REPLICATION PASSWORD 'meshbone'"
fi
# meshbone for `meshbone up` and its dashboard; meshbone_it for the tests, which drop and recreate their tables.
for database in meshbone meshbone_it; do
  if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = '$database'")" != "1" ]; then
    psql_admin "CREATE DATABASE $database OWNER meshbone"
  fi
done
# The dashboard sink's own role: no superuser, no replication (see dashboard-role.sql).
if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = 'meshbone_dashboard'")" != "1" ]; then
  psql_admin "CREATE ROLE meshbone_dashboard LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD 'meshbone_dashboard'"
fi
for database in meshbone meshbone_it; do
  $AS_POSTGRES psql -v ON_ERROR_STOP=1 -qtA -d "$database" -c "GRANT USAGE, CREATE ON SCHEMA public TO meshbone_dashboard"
  # Grafana reads as meshbone: it may read every table the sink creates.
  $AS_POSTGRES psql -v ON_ERROR_STOP=1 -qtA -d "$database" \
    -c "ALTER DEFAULT PRIVILEGES FOR ROLE meshbone_dashboard IN SCHEMA public GRANT SELECT ON TABLES TO meshbone"
  # Product tables (<product>_v<major>) an earlier sink created as meshbone: the dashboard role keeps writing them.
  $AS_POSTGRES psql -v ON_ERROR_STOP=1 -qtA -d "$database" -c "DO \$\$ DECLARE t record; BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename ~ '_v[0-9]+\$' LOOP
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON public.%I TO meshbone_dashboard', t.tablename);
    END LOOP; END \$\$"
done
echo "PostgreSQL 15 on localhost:5432, databases meshbone and meshbone_it, user meshbone, wal_level=$(psql_admin 'SHOW wal_level')"
