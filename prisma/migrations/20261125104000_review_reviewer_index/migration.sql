-- The review grid's "Reviewed by" filter and its facet start from one
-- dataset's reviews by one person, in row order (server/review/filter-sql.ts).
CREATE INDEX "reviews_dataset_id_reviewer_row_id_idx" ON "reviews"("dataset_id", "reviewer", "row_id");
