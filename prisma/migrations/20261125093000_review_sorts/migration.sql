-- Sorting the review grid by text, length, cost, language or model walks an
-- index in that order instead of sorting every matching row. `current` comes
-- second so the grid's "current rows only" condition keeps the order usable.
-- A btree entry must stay under ~2.7 kB, so text sorts on its first 200
-- characters (ties beyond them fall back to the row id); both keys are stored
-- generated columns so Prisma's schema can name them.
ALTER TABLE "rows" ADD COLUMN "text_sort" TEXT GENERATED ALWAYS AS (left("text", 200)) STORED;
ALTER TABLE "rows" ADD COLUMN "text_length" INTEGER GENERATED ALWAYS AS (char_length("text")) STORED;

CREATE INDEX "rows_sort_text_idx" ON "rows"("dataset_id", "current", "text_sort", "id");
CREATE INDEX "rows_sort_length_idx" ON "rows"("dataset_id", "current", "text_length", "id");
CREATE INDEX "rows_sort_cost_idx" ON "rows"("dataset_id", "current", "cost_usd", "id");

-- Language and model sorts; the facets' per-language and per-model counts use the same prefix.
DROP INDEX "rows_dataset_id_language_idx";
DROP INDEX "rows_dataset_id_model_idx";
CREATE INDEX "rows_sort_language_idx" ON "rows"("dataset_id", "current", "language", "id");
CREATE INDEX "rows_sort_model_idx" ON "rows"("dataset_id", "current", "model", "id");

-- Status and label sorts merge branches read in index order (server/review/merged-sort.ts):
-- each status's reviews in row order; a review's first label, else the row's.
CREATE INDEX "reviews_dataset_id_status_row_id_idx" ON "reviews"("dataset_id", "status", "row_id");
DROP INDEX "reviews_dataset_id_status_idx";
ALTER TABLE "rows" ADD COLUMN "label_sort" TEXT GENERATED ALWAYS AS (COALESCE("labels"[1], '')) STORED;
ALTER TABLE "reviews" ADD COLUMN "label_sort" TEXT GENERATED ALWAYS AS ("labels"[1]) STORED;
CREATE INDEX "rows_sort_label_idx" ON "rows"("dataset_id", "current", "label_sort", "id");
CREATE INDEX "reviews_sort_label_idx" ON "reviews"("dataset_id", "label_sort", "row_id");
