-- CreateEnum
CREATE TYPE "figure_kind" AS ENUM ('CUMULATIVE', 'WINDOW');

-- CreateEnum
CREATE TYPE "stance" AS ENUM ('INFEASIBLE', 'DOUBTFUL', 'FEASIBLE');

-- CreateEnum
CREATE TYPE "event_kind" AS ENUM ('MILESTONE', 'INCIDENT', 'MEETING', 'LOGISTICS', 'DEADLINE');

-- CreateTable
CREATE TABLE "operation" (
    "id" SERIAL NOT NULL,
    "slug" VARCHAR(80) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "description" VARCHAR(2000),
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "time_zone" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "operation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "population_group" (
    "id" SERIAL NOT NULL,
    "operation_id" INTEGER NOT NULL,
    "slug" VARCHAR(80) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "population_group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "source" (
    "id" SERIAL NOT NULL,
    "publisher" VARCHAR(200) NOT NULL,
    "title" VARCHAR(500) NOT NULL,
    "url" VARCHAR(2048),
    "via" VARCHAR(200),
    "published_at" TIMESTAMPTZ(3),
    "quote" VARCHAR(2000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "target" (
    "id" SERIAL NOT NULL,
    "operation_id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,
    "low" INTEGER NOT NULL,
    "high" INTEGER NOT NULL,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "source_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "figure" (
    "id" SERIAL NOT NULL,
    "operation_id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,
    "value" INTEGER NOT NULL,
    "as_of" TIMESTAMPTZ(3) NOT NULL,
    "kind" "figure_kind" NOT NULL,
    "basis_start" TIMESTAMPTZ(3),
    "window_start" TIMESTAMPTZ(3),
    "window_end" TIMESTAMPTZ(3),
    "provisional" BOOLEAN NOT NULL DEFAULT false,
    "source_id" INTEGER NOT NULL,
    "replaces_id" INTEGER,
    "correction_reason" VARCHAR(1000),
    "retracted" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "figure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statement" (
    "id" SERIAL NOT NULL,
    "operation_id" INTEGER NOT NULL,
    "group_id" INTEGER,
    "target_id" INTEGER,
    "speaker" VARCHAR(200) NOT NULL,
    "speaker_role" VARCHAR(300),
    "said_at" TIMESTAMPTZ(3) NOT NULL,
    "reported_at" TIMESTAMPTZ(3),
    "quote" VARCHAR(2000) NOT NULL,
    "claimed_goal" INTEGER,
    "claimed_by" TIMESTAMPTZ(3),
    "stance" "stance" NOT NULL,
    "source_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "statement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event" (
    "id" SERIAL NOT NULL,
    "operation_id" INTEGER NOT NULL,
    "kind" "event_kind" NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "description" VARCHAR(2000),
    "occurred_at" TIMESTAMPTZ(3),
    "reported_at" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER,
    "source_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "operation_slug_key" ON "operation"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "population_group_operation_id_slug_key" ON "population_group"("operation_id", "slug");

-- CreateIndex
CREATE INDEX "target_operation_id_group_id_idx" ON "target"("operation_id", "group_id");

-- CreateIndex
CREATE UNIQUE INDEX "figure_replaces_id_key" ON "figure"("replaces_id");

-- CreateIndex
CREATE INDEX "figure_operation_id_group_id_as_of_idx" ON "figure"("operation_id", "group_id", "as_of");

-- CreateIndex
CREATE INDEX "statement_operation_id_said_at_idx" ON "statement"("operation_id", "said_at");

-- CreateIndex
CREATE INDEX "event_operation_id_reported_at_idx" ON "event"("operation_id", "reported_at");

-- AddForeignKey
ALTER TABLE "population_group" ADD CONSTRAINT "population_group_operation_id_fkey" FOREIGN KEY ("operation_id") REFERENCES "operation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_operation_id_fkey" FOREIGN KEY ("operation_id") REFERENCES "operation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "population_group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "figure" ADD CONSTRAINT "figure_operation_id_fkey" FOREIGN KEY ("operation_id") REFERENCES "operation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "figure" ADD CONSTRAINT "figure_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "population_group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "figure" ADD CONSTRAINT "figure_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "figure" ADD CONSTRAINT "figure_replaces_id_fkey" FOREIGN KEY ("replaces_id") REFERENCES "figure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement" ADD CONSTRAINT "statement_operation_id_fkey" FOREIGN KEY ("operation_id") REFERENCES "operation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement" ADD CONSTRAINT "statement_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "population_group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement" ADD CONSTRAINT "statement_target_id_fkey" FOREIGN KEY ("target_id") REFERENCES "target"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement" ADD CONSTRAINT "statement_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event" ADD CONSTRAINT "event_operation_id_fkey" FOREIGN KEY ("operation_id") REFERENCES "operation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event" ADD CONSTRAINT "event_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- =============================================================================================
-- Database-level guards, written by hand (everything above is generated by Prisma's engine).
--
-- Prisma's schema language cannot express CHECK constraints or triggers, so they live here,
-- where every writer (the app, a psql session, a future import job) is held to the same rules.
-- Each guard has a name of the form <table>_<rule>: PostgreSQL puts that name in the error, so a
-- refused row says which rule it broke. The diff behind `npm run db:migration` ignores CHECK
-- constraints and triggers, so later migrations neither repeat nor drop these.
-- =============================================================================================

-- Slugs appear in URLs: lowercase words joined by single hyphens.
ALTER TABLE "operation"
    ADD CONSTRAINT "operation_deadline_after_start" CHECK ("deadline" > "starts_at"),
    ADD CONSTRAINT "operation_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');

ALTER TABLE "population_group"
    ADD CONSTRAINT "population_group_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');

-- A goal is a range; a single number has equal ends. The ceiling keeps typos (an extra zero or
-- three) out, far above any evacuation's size.
ALTER TABLE "target"
    ADD CONSTRAINT "target_low_not_negative" CHECK ("low" >= 0),
    ADD CONSTRAINT "target_range_order" CHECK ("high" >= "low"),
    ADD CONSTRAINT "target_high_ceiling" CHECK ("high" <= 1000000000);

-- A figure is either a total since a basis date (CUMULATIVE) or a count within a window (WINDOW),
-- never a mix. A correction names the row it replaces and says why; only corrections carry a
-- reason, and only a correction can retract.
ALTER TABLE "figure"
    ADD CONSTRAINT "figure_value_range" CHECK ("value" >= 0 AND "value" <= 1000000000),
    ADD CONSTRAINT "figure_cumulative_fields" CHECK (
        "kind" <> 'CUMULATIVE'
        OR ("basis_start" IS NOT NULL AND "window_start" IS NULL AND "window_end" IS NULL)
    ),
    ADD CONSTRAINT "figure_basis_not_after_as_of" CHECK ("basis_start" <= "as_of"),
    ADD CONSTRAINT "figure_window_fields" CHECK (
        "kind" <> 'WINDOW'
        OR ("window_start" IS NOT NULL AND "window_end" IS NOT NULL AND "basis_start" IS NULL)
    ),
    ADD CONSTRAINT "figure_window_order" CHECK ("window_end" > "window_start"),
    ADD CONSTRAINT "figure_not_replacing_itself" CHECK ("replaces_id" <> "id"),
    ADD CONSTRAINT "figure_correction_reason" CHECK (("replaces_id" IS NULL) = ("correction_reason" IS NULL)),
    ADD CONSTRAINT "figure_correction_reason_not_blank" CHECK ("correction_reason" ~ '[^[:space:]]'),
    ADD CONSTRAINT "figure_retraction_is_correction" CHECK (NOT "retracted" OR "replaces_id" IS NOT NULL);

-- Figures are append-only, so the history of what was published, and when it was corrected,
-- cannot be rewritten: not by the app, not by hand. Row triggers stop UPDATE and DELETE (and the
-- ON UPDATE CASCADE of the foreign keys), a statement trigger stops TRUNCATE, which skips row
-- triggers. Dropping the schema, as a test reset does, is unaffected.
CREATE FUNCTION "figure_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'figure rows are append-only: add a correcting revision instead'
        USING ERRCODE = 'restrict_violation',
              CONSTRAINT = 'figure_append_only',
              HINT = 'Insert a new figure whose replaces_id names the row and whose correction_reason says why.';
END;
$$;

CREATE TRIGGER "figure_append_only"
    BEFORE UPDATE OR DELETE ON "figure"
    FOR EACH ROW EXECUTE FUNCTION "figure_refuse_change"();

CREATE TRIGGER "figure_append_only_truncate"
    BEFORE TRUNCATE ON "figure"
    FOR EACH STATEMENT EXECUTE FUNCTION "figure_refuse_change"();

-- A revision corrects a figure of the same series; pointing it at another operation's or group's
-- row would silently move a number between charts. The foreign key reports a missing row itself.
CREATE FUNCTION "figure_check_revision"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    replaced_operation_id INTEGER;
    replaced_group_id INTEGER;
BEGIN
    IF NEW."replaces_id" IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT "operation_id", "group_id" INTO replaced_operation_id, replaced_group_id
        FROM "figure" WHERE "id" = NEW."replaces_id";
    IF FOUND AND (replaced_operation_id <> NEW."operation_id" OR replaced_group_id <> NEW."group_id") THEN
        RAISE EXCEPTION 'figure_revision_same_series: a revision must keep the operation and group of figure %, which it replaces', NEW."replaces_id"
            USING ERRCODE = 'check_violation',
                  CONSTRAINT = 'figure_revision_same_series';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "figure_revision_same_series"
    BEFORE INSERT ON "figure"
    FOR EACH ROW EXECUTE FUNCTION "figure_check_revision"();

-- Counts are never negative; text a reader will see is never blank.
ALTER TABLE "statement"
    ADD CONSTRAINT "statement_claimed_goal_not_negative" CHECK ("claimed_goal" >= 0),
    ADD CONSTRAINT "statement_quote_not_blank" CHECK ("quote" ~ '[^[:space:]]');

ALTER TABLE "event"
    ADD CONSTRAINT "event_count_not_negative" CHECK ("count" >= 0),
    ADD CONSTRAINT "event_title_not_blank" CHECK ("title" ~ '[^[:space:]]');

-- A source link is shown to readers: only web addresses, never javascript: or data: URLs.
ALTER TABLE "source"
    ADD CONSTRAINT "source_publisher_not_blank" CHECK ("publisher" ~ '[^[:space:]]'),
    ADD CONSTRAINT "source_title_not_blank" CHECK ("title" ~ '[^[:space:]]'),
    ADD CONSTRAINT "source_url_scheme" CHECK ("url" ~ '^https?://');
