-- The role the dashboard-sink connector writes as (connectors/config/dashboard-sink.json): it logs in and creates
-- its tables in schema public, and can neither replicate (read the WAL of every table), nor act as superuser.
CREATE ROLE meshbone_dashboard LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
    PASSWORD 'meshbone_dashboard';
GRANT USAGE, CREATE ON SCHEMA public TO meshbone_dashboard;
