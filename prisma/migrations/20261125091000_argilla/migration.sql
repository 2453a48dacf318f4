-- Argilla: which Argilla dataset each dataset was pushed to, per connection and workspace.

CREATE TABLE "argilla_links" (
    "id" UUID NOT NULL,
    "dataset_id" UUID NOT NULL,
    "connection_id" UUID NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "workspace_name" TEXT NOT NULL,
    "argilla_dataset_id" TEXT NOT NULL,
    "argilla_dataset_name" TEXT NOT NULL,
    "question_ids" JSONB NOT NULL,
    "field_keys" JSONB NOT NULL,
    "last_push_at" TIMESTAMP(3),
    "last_push_records" INTEGER,
    "last_pull_at" TIMESTAMP(3),
    "last_pull_report" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "argilla_links_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "argilla_links_dataset_id_connection_id_workspace_id_key" ON "argilla_links"("dataset_id", "connection_id", "workspace_id");
CREATE INDEX "argilla_links_connection_id_idx" ON "argilla_links"("connection_id");
ALTER TABLE "argilla_links" ADD CONSTRAINT "argilla_links_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "argilla_links" ADD CONSTRAINT "argilla_links_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "integration_connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
