-- Export integrations: stored Hub/Argilla connections (encrypted token) and Hub pushes.

CREATE TYPE "integration_kind" AS ENUM ('hub', 'argilla');

CREATE TABLE "integration_connections" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "integration_kind" NOT NULL,
    "url" TEXT NOT NULL,
    "token_ciphertext" TEXT NOT NULL,
    "owner" TEXT,
    "workspace" TEXT,
    "last_tested_at" TIMESTAMP(3),
    "last_test_ok" BOOLEAN,
    "last_test_message" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "integration_connections_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "integration_connections_name_key" ON "integration_connections"("name");

CREATE TYPE "hub_push_status" AS ENUM ('running', 'completed', 'failed');

CREATE TABLE "hub_pushes" (
    "id" UUID NOT NULL,
    "dataset_id" UUID NOT NULL,
    "connection_id" UUID,
    "repo_id" TEXT NOT NULL,
    "revision" TEXT NOT NULL DEFAULT 'main',
    "private" BOOLEAN NOT NULL,
    "rows_filter" TEXT NOT NULL,
    "test_share" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "status" "hub_push_status" NOT NULL DEFAULT 'running',
    "phase" TEXT,
    "row_count" INTEGER,
    "splits" JSONB,
    "commit_sha" TEXT,
    "commit_url" TEXT,
    "error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "finished_at" TIMESTAMP(3),
    CONSTRAINT "hub_pushes_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "hub_pushes_dataset_id_created_at_idx" ON "hub_pushes"("dataset_id", "created_at");
CREATE INDEX "hub_pushes_connection_id_idx" ON "hub_pushes"("connection_id");
ALTER TABLE "hub_pushes" ADD CONSTRAINT "hub_pushes_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "hub_pushes" ADD CONSTRAINT "hub_pushes_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "integration_connections"("id") ON DELETE SET NULL ON UPDATE CASCADE;
