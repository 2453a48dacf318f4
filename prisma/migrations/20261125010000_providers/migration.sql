-- AlterTable
ALTER TABLE "provider_connections" ADD COLUMN     "json_schema_rejected" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "last_test_message" TEXT,
ADD COLUMN     "last_test_ok" BOOLEAN,
ADD COLUMN     "last_tested_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "rows" ADD COLUMN     "reasoning_tokens" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "runs" ADD COLUMN     "paused_reason" TEXT,
ADD COLUMN     "reasoning_tokens" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "rate_limit_states" (
    "connection_id" UUID NOT NULL,
    "next_slot_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "adaptive_rpm" DOUBLE PRECISION,
    "learned_rpm" INTEGER,
    "last_decrease_at" TIMESTAMP(3),
    "last_increase_at" TIMESTAMP(3),
    "paused_until" TIMESTAMP(3),
    "tokens" DOUBLE PRECISION,
    "tokens_at" TIMESTAMP(3),
    "day" TEXT,
    "day_count" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "rate_limit_states_pkey" PRIMARY KEY ("connection_id")
);

-- CreateTable
CREATE TABLE "connection_slots" (
    "connection_id" UUID NOT NULL,
    "slot" INTEGER NOT NULL,
    "holder" TEXT,
    "expires_at" TIMESTAMP(3),

    CONSTRAINT "connection_slots_pkey" PRIMARY KEY ("connection_id","slot")
);

-- CreateTable
CREATE TABLE "model_prices" (
    "id" UUID NOT NULL,
    "model" TEXT NOT NULL,
    "input_per_million" DOUBLE PRECISION NOT NULL,
    "output_per_million" DOUBLE PRECISION NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'user',
    "taken_on" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "model_prices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "run_model_stats" (
    "run_id" UUID NOT NULL,
    "model" TEXT NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "first_try_valid" INTEGER NOT NULL DEFAULT 0,
    "repaired" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "input_tokens" INTEGER NOT NULL DEFAULT 0,
    "output_tokens" INTEGER NOT NULL DEFAULT 0,
    "reasoning_tokens" INTEGER NOT NULL DEFAULT 0,
    "cost_usd" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "run_model_stats_pkey" PRIMARY KEY ("run_id","model")
);

-- CreateIndex
CREATE UNIQUE INDEX "model_prices_model_key" ON "model_prices"("model");

-- AddForeignKey
ALTER TABLE "rate_limit_states" ADD CONSTRAINT "rate_limit_states_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "provider_connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "connection_slots" ADD CONSTRAINT "connection_slots_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "provider_connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_model_stats" ADD CONSTRAINT "run_model_stats_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
