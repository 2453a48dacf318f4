-- AlterEnum
ALTER TYPE "work_item_status" ADD VALUE 'batched';

-- CreateEnum
CREATE TYPE "provider_batch_status" AS ENUM ('submitting', 'submitted', 'ended', 'failed', 'cancelled');

-- AlterTable
ALTER TABLE "work_items" ADD COLUMN     "batch_id" UUID;

-- CreateTable
CREATE TABLE "provider_batches" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "connection_id" UUID,
    "kind" "provider_kind" NOT NULL,
    "model" TEXT NOT NULL,
    "status" "provider_batch_status" NOT NULL DEFAULT 'submitting',
    "provider_batch_id" TEXT,
    "input_file_id" TEXT,
    "provider_status" TEXT,
    "request_count" INTEGER NOT NULL,
    "succeeded_count" INTEGER NOT NULL DEFAULT 0,
    "failed_count" INTEGER NOT NULL DEFAULT 0,
    "stored_items" INTEGER NOT NULL DEFAULT 0,
    "fallback_items" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submitted_at" TIMESTAMP(3),
    "ended_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "provider_batches_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "provider_batches_run_id_created_at_idx" ON "provider_batches"("run_id", "created_at");

-- CreateIndex
CREATE INDEX "provider_batches_status_idx" ON "provider_batches"("status");

-- CreateIndex
CREATE INDEX "work_items_batch_id_idx" ON "work_items"("batch_id");

-- AddForeignKey
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "provider_batches"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_batches" ADD CONSTRAINT "provider_batches_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_batches" ADD CONSTRAINT "provider_batches_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "provider_connections"("id") ON DELETE SET NULL ON UPDATE CASCADE;
