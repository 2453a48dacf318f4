-- CreateEnum
CREATE TYPE "source_kind" AS ENUM ('upload', 'hub');

-- CreateTable
CREATE TABLE "sources" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "source_kind" NOT NULL,
    "origin_key" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "file_name" TEXT,
    "format" TEXT NOT NULL,
    "encoding" TEXT,
    "whole_file" BOOLEAN NOT NULL DEFAULT false,
    "hub_dataset" TEXT,
    "hub_config" TEXT,
    "hub_split" TEXT,
    "hub_sample" INTEGER,
    "hub_seed" INTEGER,
    "hub_rows_total" INTEGER,
    "columns" TEXT[],
    "record_count" INTEGER NOT NULL,
    "skipped_empty" INTEGER NOT NULL DEFAULT 0,
    "size_bytes" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "source_records" (
    "source_id" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "record" JSONB NOT NULL,

    CONSTRAINT "source_records_pkey" PRIMARY KEY ("source_id","ordinal")
);

-- CreateIndex
CREATE UNIQUE INDEX "sources_origin_key_key" ON "sources"("origin_key");

-- CreateIndex
CREATE INDEX "sources_created_at_idx" ON "sources"("created_at");

-- AddForeignKey
ALTER TABLE "source_records" ADD CONSTRAINT "source_records_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;
