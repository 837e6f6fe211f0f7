-- The role the dashboard-sink connector writes as (connectors/config/dashboard-sink.json): it logs in and creates
-- its tables in schema public, and can neither replicate (read the WAL of every table), nor act as superuser.
CREATE ROLE meshbone_dashboard LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
    PASSWORD 'meshbone_dashboard';
GRANT USAGE, CREATE ON SCHEMA public TO meshbone_dashboard;
-- Grafana reads as meshbone: it may read every table the sink creates.
ALTER DEFAULT PRIVILEGES FOR ROLE meshbone_dashboard IN SCHEMA public GRANT SELECT ON TABLES TO meshbone;
