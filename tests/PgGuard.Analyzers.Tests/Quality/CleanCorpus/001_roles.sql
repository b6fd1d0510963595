-- Roles and privileges for the shop schema. Runs as the migration owner, never as the application.
-- The application logs in as shop_app (password set out of band) and reads through app_reader.

BEGIN;

CREATE ROLE shop_owner NOLOGIN;
CREATE ROLE app NOLOGIN;
CREATE ROLE app_reader NOLOGIN;
CREATE ROLE tenant_x NOLOGIN IN ROLE app;
COMMENT ON ROLE app IS 'No SUPERUSER, no CREATEROLE: DML on the shop schema only';

CREATE SCHEMA IF NOT EXISTS shop AUTHORIZATION shop_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON DATABASE shop FROM PUBLIC;

GRANT USAGE ON SCHEMA shop TO app, app_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA shop TO app_reader;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA shop TO app;
ALTER DEFAULT PRIVILEGES FOR ROLE shop_owner IN SCHEMA shop GRANT SELECT ON TABLES TO app_reader;

CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE shop.orders (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL,
    total       numeric(12, 2) NOT NULL,
    placed_at   timestamptz NOT NULL DEFAULT now(),
    note        text DEFAULT 'SET ROLE postgres; -- not a statement'
);
ALTER TABLE shop.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_orders ON shop.orders TO app USING (customer_id = current_setting('app.customer_id')::bigint);

-- A SECURITY DEFINER function with its search_path pinned, and EXECUTE revoked from PUBLIC in the same transaction.
CREATE FUNCTION shop.place_order(customer bigint, amount numeric) RETURNS bigint
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = shop, pg_temp
AS $fn$
DECLARE
    new_id bigint;
BEGIN
    INSERT INTO shop.orders (customer_id, total) VALUES (customer, amount) RETURNING id INTO new_id;
    RETURN new_id;
END
$fn$;
REVOKE ALL ON FUNCTION shop.place_order(bigint, numeric) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION shop.place_order(bigint, numeric) TO app;

SET ROLE tenant_x;
SELECT count(*) FROM shop.orders;
RESET ROLE;

COMMIT;
