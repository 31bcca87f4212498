-- =============================================================================================
-- Live refresh: announce every new figure, target, statement and event on the channel
-- `operation_changed`, with the operation's slug as the payload. Written by hand (Prisma's schema
-- language has no triggers, and the diff behind `npm run db:migration` ignores them).
--
-- Every app instance LISTENs on one connection and tells its open pages to refetch, so an edit
-- made through any instance (or a psql session, or an import job) reaches every reader. A
-- notification is sent when the inserting transaction commits, never for one rolled back, and
-- PostgreSQL folds identical notifications of one transaction into one, so a bulk insert of a
-- hundred figures wakes each page once. Only INSERT is announced: figures are append-only (a
-- correction is a new row), and the app adds targets, statements and events rather than editing
-- them. The polling fallback for the embedded database (lib/live) watches new ids, i.e. inserts,
-- so both paths announce the same changes.
-- =============================================================================================

CREATE FUNCTION "operation_notify_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(
        'operation_changed',
        (SELECT "slug" FROM "operation" WHERE "id" = NEW."operation_id")
    );
    RETURN NULL;
END;
$$;

CREATE TRIGGER "figure_notify_change"
    AFTER INSERT ON "figure"
    FOR EACH ROW EXECUTE FUNCTION "operation_notify_change"();

CREATE TRIGGER "target_notify_change"
    AFTER INSERT ON "target"
    FOR EACH ROW EXECUTE FUNCTION "operation_notify_change"();

CREATE TRIGGER "statement_notify_change"
    AFTER INSERT ON "statement"
    FOR EACH ROW EXECUTE FUNCTION "operation_notify_change"();

CREATE TRIGGER "event_notify_change"
    AFTER INSERT ON "event"
    FOR EACH ROW EXECUTE FUNCTION "operation_notify_change"();
