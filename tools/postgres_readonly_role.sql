-- Create (or refresh) the login role the dashboard uses to read a PostgreSQL database.
-- Run as a superuser or the database owner, after `make db` has loaded the tables:
--   psql -h 127.0.0.1 -U postgres -d wallimage -v role=wallimage_reader -v password="'change-me'" -f tools/postgres_readonly_role.sql
-- The role may connect and SELECT, nothing else; its sessions default to read-only transactions.
SELECT format('CREATE ROLE %I LOGIN', :'role')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD :password;
ALTER ROLE :"role" SET default_transaction_read_only = on;
ALTER ROLE :"role" SET statement_timeout = '10s';
REVOKE ALL ON SCHEMA public FROM :"role";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"role";
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM :"role";
GRANT SELECT ON ALL TABLES IN SCHEMA public TO :"role";
