-- Deliberately insecure set-up script: fed to PgGuard's SQL rules as an additional file.
CREATE ROLE reporting WITH LOGIN SUPERUSER PASSWORD 'reporting';  -- PG0100 (SUPERUSER), PG0105 (literal password)
GRANT SELECT ON ALL TABLES IN SCHEMA public TO PUBLIC;            -- PG0103
