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
