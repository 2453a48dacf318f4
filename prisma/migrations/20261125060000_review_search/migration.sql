-- Full-text search of the review grid. The 'simple' configuration (no stemming,
-- no stop words) works for every language; ASCII punctuation becomes spaces
-- first, so e-mail addresses, URLs, paths and numbers like 3.5 are searchable
-- by their parts, exactly the words lib/review/search-terms.ts extracts from a
-- search box and highlights.
ALTER TABLE "rows" ADD COLUMN "text_search" tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig, translate("text", '!"#$%&''()*+,-./:;<=>?@[\]^_`{|}~', '                                '))
) STORED;
CREATE INDEX "rows_text_search_idx" ON "rows" USING GIN ("text_search");

-- Pages in creation order, and counts and filters on language, model, run and
-- cost, answered from this index alone (index-only scans): the table's heap is
-- wide (data, text, prompt, the search vector), the index a tenth of it. It
-- replaces the narrower (dataset_id, current, created_at) index.
DROP INDEX "rows_dataset_id_current_created_at_idx";
CREATE INDEX "rows_grid_idx" ON "rows"("dataset_id", "current", "created_at", "id", "language", "model", "run_id", "cost_usd");

-- Expansion variable filters: containment (variables @> '{"tone":"angry"}') finds candidates.
CREATE INDEX "rows_variables_idx" ON "rows" USING GIN ("variables" jsonb_path_ops);
