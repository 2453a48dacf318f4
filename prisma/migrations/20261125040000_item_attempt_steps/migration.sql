-- Work items of multi-step dataset types make several calls, possibly to several models.
ALTER TABLE "item_attempts" ADD COLUMN "step" TEXT;
ALTER TABLE "item_attempts" ADD COLUMN "model" TEXT;
