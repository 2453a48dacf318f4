-- Previews keep their rows apart from runs until they are discarded or promoted.
ALTER TABLE "runs" ADD COLUMN "from_preview" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "previews" (
    "id" UUID NOT NULL,
    "design" JSONB NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "promoted_run_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "previews_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "previews_created_at_idx" ON "previews"("created_at");

CREATE TABLE "preview_rows" (
    "id" UUID NOT NULL,
    "preview_id" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "rows" JSONB NOT NULL,
    "input_tokens" INTEGER NOT NULL DEFAULT 0,
    "output_tokens" INTEGER NOT NULL DEFAULT 0,
    "reasoning_tokens" INTEGER NOT NULL DEFAULT 0,
    "cost_usd" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "latency_ms" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "preview_rows_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "preview_rows_preview_id_ordinal_key" ON "preview_rows"("preview_id", "ordinal");
ALTER TABLE "preview_rows" ADD CONSTRAINT "preview_rows_preview_id_fkey" FOREIGN KEY ("preview_id") REFERENCES "previews"("id") ON DELETE CASCADE ON UPDATE CASCADE;
