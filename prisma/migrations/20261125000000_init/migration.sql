-- CreateEnum
CREATE TYPE "provider_kind" AS ENUM ('openai', 'anthropic', 'google', 'mistral', 'openrouter', 'ollama', 'openai_compatible');

-- CreateEnum
CREATE TYPE "dataset_type" AS ENUM ('classification', 'text', 'conversation', 'mcq', 'preference', 'reasoning', 'transform');

-- CreateEnum
CREATE TYPE "run_status" AS ENUM ('queued', 'running', 'paused', 'cancelling', 'cancelled', 'completed', 'failed');

-- CreateEnum
CREATE TYPE "run_mode" AS ENUM ('online', 'batch');

-- CreateEnum
CREATE TYPE "work_item_status" AS ENUM ('pending', 'running', 'succeeded', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "review_status" AS ENUM ('pending', 'accepted', 'rejected');

-- CreateTable
CREATE TABLE "provider_connections" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "provider_kind" NOT NULL,
    "base_url" TEXT,
    "api_key_ciphertext" TEXT,
    "api_key_env" TEXT,
    "rpm" INTEGER,
    "tpm" INTEGER,
    "rpd" INTEGER,
    "max_concurrency" INTEGER,
    "structured_outputs" BOOLEAN NOT NULL DEFAULT true,
    "timeout_ms" INTEGER,
    "implicit" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "provider_connections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "datasets" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type" "dataset_type" NOT NULL,
    "description" TEXT,
    "design" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "datasets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "design_snapshots" (
    "id" UUID NOT NULL,
    "dataset_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "design" JSONB NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "design_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "runs" (
    "id" UUID NOT NULL,
    "dataset_id" UUID NOT NULL,
    "snapshot_id" UUID NOT NULL,
    "status" "run_status" NOT NULL DEFAULT 'queued',
    "mode" "run_mode" NOT NULL DEFAULT 'online',
    "planned_items" INTEGER NOT NULL DEFAULT 0,
    "planned_rows" INTEGER NOT NULL DEFAULT 0,
    "succeeded_items" INTEGER NOT NULL DEFAULT 0,
    "failed_items" INTEGER NOT NULL DEFAULT 0,
    "succeeded_rows" INTEGER NOT NULL DEFAULT 0,
    "failed_rows" INTEGER NOT NULL DEFAULT 0,
    "input_tokens" INTEGER NOT NULL DEFAULT 0,
    "output_tokens" INTEGER NOT NULL DEFAULT 0,
    "cost_usd" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "estimated_cost_usd" DOUBLE PRECISION,
    "budget_usd" DOUBLE PRECISION,
    "error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "work_items" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "status" "work_item_status" NOT NULL DEFAULT 'pending',
    "payload" JSONB NOT NULL,
    "expected_rows" INTEGER NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "error_kind" TEXT,
    "claimed_by" TEXT,
    "lease_expires_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "work_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "item_attempts" (
    "id" UUID NOT NULL,
    "work_item_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "error_kind" TEXT,
    "message" TEXT,
    "repairs" INTEGER NOT NULL DEFAULT 0,
    "latency_ms" INTEGER,
    "started_at" TIMESTAMP(3) NOT NULL,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "item_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rows" (
    "id" UUID NOT NULL,
    "dataset_id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "work_item_id" UUID NOT NULL,
    "index" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "text" TEXT NOT NULL,
    "labels" TEXT[],
    "language" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "connection_id" UUID,
    "prompt" TEXT NOT NULL,
    "variables" JSONB NOT NULL,
    "parameters" JSONB NOT NULL,
    "input_tokens" INTEGER NOT NULL DEFAULT 0,
    "output_tokens" INTEGER NOT NULL DEFAULT 0,
    "cost_usd" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "latency_ms" INTEGER NOT NULL DEFAULT 0,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "replaces_row_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reviews" (
    "id" UUID NOT NULL,
    "row_id" UUID NOT NULL,
    "dataset_id" UUID NOT NULL,
    "status" "review_status" NOT NULL DEFAULT 'pending',
    "edited_data" JSONB,
    "labels" TEXT[],
    "rating" INTEGER,
    "comment" TEXT,
    "reviewer" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "reviews_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "provider_connections_name_key" ON "provider_connections"("name");

-- CreateIndex
CREATE INDEX "datasets_created_at_idx" ON "datasets"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "design_snapshots_dataset_id_version_key" ON "design_snapshots"("dataset_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "design_snapshots_dataset_id_fingerprint_key" ON "design_snapshots"("dataset_id", "fingerprint");

-- CreateIndex
CREATE INDEX "runs_dataset_id_created_at_idx" ON "runs"("dataset_id", "created_at");

-- CreateIndex
CREATE INDEX "runs_status_idx" ON "runs"("status");

-- CreateIndex
CREATE INDEX "work_items_run_id_status_ordinal_idx" ON "work_items"("run_id", "status", "ordinal");

-- CreateIndex
CREATE UNIQUE INDEX "work_items_run_id_key_key" ON "work_items"("run_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "item_attempts_work_item_id_number_key" ON "item_attempts"("work_item_id", "number");

-- CreateIndex
CREATE INDEX "rows_dataset_id_current_created_at_idx" ON "rows"("dataset_id", "current", "created_at");

-- CreateIndex
CREATE INDEX "rows_run_id_idx" ON "rows"("run_id");

-- CreateIndex
CREATE INDEX "rows_dataset_id_language_idx" ON "rows"("dataset_id", "language");

-- CreateIndex
CREATE INDEX "rows_dataset_id_model_idx" ON "rows"("dataset_id", "model");

-- CreateIndex
CREATE INDEX "rows_labels_idx" ON "rows" USING GIN ("labels");

-- CreateIndex
CREATE UNIQUE INDEX "rows_work_item_id_index_key" ON "rows"("work_item_id", "index");

-- CreateIndex
CREATE UNIQUE INDEX "reviews_row_id_key" ON "reviews"("row_id");

-- CreateIndex
CREATE INDEX "reviews_dataset_id_status_idx" ON "reviews"("dataset_id", "status");

-- AddForeignKey
ALTER TABLE "design_snapshots" ADD CONSTRAINT "design_snapshots_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "runs" ADD CONSTRAINT "runs_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "runs" ADD CONSTRAINT "runs_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "design_snapshots"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_attempts" ADD CONSTRAINT "item_attempts_work_item_id_fkey" FOREIGN KEY ("work_item_id") REFERENCES "work_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rows" ADD CONSTRAINT "rows_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rows" ADD CONSTRAINT "rows_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rows" ADD CONSTRAINT "rows_work_item_id_fkey" FOREIGN KEY ("work_item_id") REFERENCES "work_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rows" ADD CONSTRAINT "rows_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "provider_connections"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_row_id_fkey" FOREIGN KEY ("row_id") REFERENCES "rows"("id") ON DELETE CASCADE ON UPDATE CASCADE;
