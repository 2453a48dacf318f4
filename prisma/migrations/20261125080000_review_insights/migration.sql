-- Review insights: regeneration and top-up runs, near-duplicate groups.

-- What a run is for; a regeneration records its extra instruction, a top-up its coverage cell.
CREATE TYPE "run_kind" AS ENUM ('generation', 'regeneration', 'top_up');
ALTER TABLE "runs" ADD COLUMN "kind" "run_kind" NOT NULL DEFAULT 'generation';
ALTER TABLE "runs" ADD COLUMN "instruction" TEXT;
ALTER TABLE "runs" ADD COLUMN "top_up_cell" JSONB;

-- A row's newer versions are found by the row they replace.
CREATE INDEX "rows_replaces_row_id_idx" ON "rows"("replaces_row_id");

CREATE TYPE "duplicate_scan_status" AS ENUM ('queued', 'running', 'completed', 'failed');

CREATE TABLE "duplicate_scans" (
    "id" UUID NOT NULL,
    "dataset_id" UUID NOT NULL,
    "status" "duplicate_scan_status" NOT NULL DEFAULT 'queued',
    "threshold" DOUBLE PRECISION NOT NULL,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "groups" INTEGER NOT NULL DEFAULT 0,
    "duplicate_rows" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "heartbeat_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    CONSTRAINT "duplicate_scans_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "duplicate_scans_dataset_id_created_at_idx" ON "duplicate_scans"("dataset_id", "created_at");
ALTER TABLE "duplicate_scans" ADD CONSTRAINT "duplicate_scans_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "duplicate_groups" (
    "id" UUID NOT NULL,
    "dataset_id" UUID NOT NULL,
    "scan_id" UUID NOT NULL,
    "size" INTEGER NOT NULL,
    "similarity" DOUBLE PRECISION NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "duplicate_groups_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "duplicate_groups_dataset_id_size_idx" ON "duplicate_groups"("dataset_id", "size");
CREATE INDEX "duplicate_groups_scan_id_idx" ON "duplicate_groups"("scan_id");
ALTER TABLE "duplicate_groups" ADD CONSTRAINT "duplicate_groups_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "duplicate_groups" ADD CONSTRAINT "duplicate_groups_scan_id_fkey" FOREIGN KEY ("scan_id") REFERENCES "duplicate_scans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The group a row belongs to; deleting a scan's groups clears it.
ALTER TABLE "rows" ADD COLUMN "duplicate_group_id" UUID;
CREATE INDEX "rows_duplicate_group_id_idx" ON "rows"("duplicate_group_id");
ALTER TABLE "rows" ADD CONSTRAINT "rows_duplicate_group_id_fkey" FOREIGN KEY ("duplicate_group_id") REFERENCES "duplicate_groups"("id") ON DELETE SET NULL ON UPDATE CASCADE;
