-- Review actions: who changed a review and when, and the history that undo reads.

ALTER TABLE "reviews" ADD COLUMN "reviewed_at" TIMESTAMP(3);
-- The action that made a review's current state: undo restores only reviews still in it.
-- No FK (a bulk action upserts 100k reviews; the dataset cascade removes both sides).
ALTER TABLE "reviews" ADD COLUMN "last_action_id" UUID;

CREATE TYPE "review_action_kind" AS ENUM ('accept', 'reject', 'reset', 'edit', 'labels', 'rating', 'comment');

CREATE TABLE "review_actions" (
    "id" UUID NOT NULL,
    "dataset_id" UUID NOT NULL,
    "kind" "review_action_kind" NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "filter" JSONB,
    "value" JSONB,
    "actor" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undone_at" TIMESTAMP(3),
    "undo_skipped" INTEGER,
    CONSTRAINT "review_actions_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "review_actions_dataset_id_created_at_idx" ON "review_actions"("dataset_id", "created_at");
ALTER TABLE "review_actions" ADD CONSTRAINT "review_actions_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Each touched row's review before the action; before_status NULL = the row had no review.
CREATE TABLE "review_action_rows" (
    "action_id" UUID NOT NULL,
    "row_id" UUID NOT NULL,
    "before_status" "review_status",
    "before_edited_data" JSONB,
    "before_labels" TEXT[],
    "before_rating" INTEGER,
    "before_comment" TEXT,
    "before_reviewer" TEXT,
    "before_reviewed_at" TIMESTAMP(3),
    "before_action_id" UUID,
    CONSTRAINT "review_action_rows_pkey" PRIMARY KEY ("action_id", "row_id")
);
ALTER TABLE "review_action_rows" ADD CONSTRAINT "review_action_rows_action_id_fkey" FOREIGN KEY ("action_id") REFERENCES "review_actions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
