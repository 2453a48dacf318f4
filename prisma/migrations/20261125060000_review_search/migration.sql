-- Full-text search of the review grid. The 'simple' configuration (no stemming,
-- no stop words) works for every language; ASCII punctuation becomes spaces
-- first, so e-mail addresses, URLs, paths and numbers like 3.5 are searchable
-- by their parts, exactly the words lib/review/search-terms.ts extracts from a
-- search box and highlights.
ALTER TABLE "rows" ADD COLUMN "text_search" tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig, translate("text", '!"#$%&''()*+,-./:;<=>?@[\]^_`{|}~', '                                '))
) STORED;
CREATE INDEX "rows_text_search_idx" ON "rows" USING GIN ("text_search");
