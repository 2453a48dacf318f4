// The only Prisma access of the rate limiter. Every decision shared by worker
// processes is one statement on one row (rate_limit_states) or one slot row
// (connection_slots): the row lock is held for microseconds, never across a
// round trip. Times are computed by Postgres (one clock for all processes) and
// returned relative to it, so process clocks may disagree. Columns are UTC
// `timestamp(3)`, as Prisma writes them.
import { Prisma, type PrismaClient } from "@/server/generated/prisma/client";
import { AIMD } from "./limits/aimd";
import { marginMs } from "./limits/gcra";

const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;
const MS = Prisma.sql`interval '1 millisecond'`;

export type SharedView = { adaptiveRpm: number | null; learnedRpm: number | null; pausedMs: number | null };

export async function ensureLimitState(db: PrismaClient, connectionId: string): Promise<void> {
  await db.$executeRaw`
    INSERT INTO rate_limit_states (connection_id, next_slot_at, updated_at)
    VALUES (${connectionId}::uuid, ${NOW}, ${NOW}) ON CONFLICT (connection_id) DO NOTHING`;
}

export async function readLimitState(db: PrismaClient, connectionId: string): Promise<SharedView | undefined> {
  const rows = await db.$queryRaw<SharedView[]>`
    SELECT adaptive_rpm AS "adaptiveRpm", learned_rpm AS "learnedRpm",
           (extract(epoch FROM paused_until - ${NOW}) * 1000)::float8 AS "pausedMs"
      FROM rate_limit_states WHERE connection_id = ${connectionId}::uuid`;
  return rows[0];
}

export type ReserveInput = {
  connectionId: string;
  rpm: number | null;
  tpm: number | null;
  rpd: number | null;
  estimatedTokens: number;
  tokenCapacity: number;
  tokensPerMs: number;
  /** Adaptive increase earned by this process's successes since its last reservation. */
  increase: number;
  windowMs: number;
  horizonMs: number;
  /** Uniform in [0, 1): stochastic rounding of the slot interval to whole ms. */
  u: number;
};

export type ReserveRow = SharedView & {
  reserved: boolean;
  exhausted: boolean;
  used: number;
  waitMs: number;
  /** Epoch ms on the database's clock: the reserved start, and when the statement ran. */
  startMs: number;
  nowMs: number;
  effectiveRpm: number | null;
  intervalMs: number;
  resetsInMs: number;
};

/**
 * GCRA slot + token bucket + daily counter in one UPDATE (same arithmetic as
 * limits/gcra.ts `reserve`). The CTEs are MATERIALIZED: inlined, each use of a
 * derived value would repeat its whole expression and planning would cost more
 * than the update itself.
 */
export async function reserveSlot(db: PrismaClient, input: ReserveInput): Promise<ReserveRow | undefined> {
  const { tpm, tokenCapacity: cap, tokensPerMs: perMs } = input;
  const rows = await db.$queryRaw<ReserveRow[]>`
    WITH cur AS (
      SELECT s.*, ${NOW} AS t FROM rate_limit_states s WHERE s.connection_id = ${input.connectionId}::uuid FOR UPDATE OF s
    ), eff AS MATERIALIZED (
      SELECT cur.*, to_char(cur.t, 'YYYY-MM-DD') AS today,
             CASE WHEN cur.day = to_char(cur.t, 'YYYY-MM-DD') THEN cur.day_count ELSE 0 END AS used,
             CASE WHEN cur.adaptive_rpm IS NOT NULL AND ${input.increase}::float8 > 0
                  THEN least(${AIMD.maxRpm}::float8, cur.adaptive_rpm + ${input.increase}::float8) ELSE cur.adaptive_rpm END AS new_adaptive
        FROM cur
    ), plan AS MATERIALIZED (
      SELECT eff.*,
             coalesce(least(${input.rpm}::float8, eff.learned_rpm::float8), eff.new_adaptive) AS eff_rpm,
             greatest(eff.next_slot_at, eff.t, coalesce(eff.paused_until, eff.t),
               CASE WHEN ${tpm}::float8 IS NULL THEN eff.t
                    ELSE coalesce(eff.tokens_at, eff.t) + greatest(0, least(${input.estimatedTokens}::float8, ${cap}::float8) - coalesce(eff.tokens, ${cap}::float8)) / ${perMs}::float8 * ${MS}
               END) AS start
        FROM eff
    ), d AS MATERIALIZED (
      SELECT plan.*,
             (${input.rpd}::int IS NOT NULL AND plan.used >= ${input.rpd}::int) AS exhausted,
             plan.start <= plan.t + ${input.horizonMs}::float8 * ${MS} AS within,
             CASE WHEN plan.eff_rpm IS NULL OR plan.eff_rpm <= 0 THEN 0
                  ELSE floor(${input.windowMs + marginMs(input.windowMs)}::float8 / plan.eff_rpm + ${input.u}::float8) END AS interval_ms
        FROM plan
    )
    UPDATE rate_limit_states s SET
      next_slot_at = CASE WHEN d.within AND NOT d.exhausted THEN d.start + d.interval_ms * ${MS} ELSE s.next_slot_at END,
      day = CASE WHEN d.within AND NOT d.exhausted THEN d.today ELSE s.day END,
      day_count = CASE WHEN d.within AND NOT d.exhausted THEN d.used + 1 ELSE s.day_count END,
      tokens = CASE WHEN d.within AND NOT d.exhausted AND ${tpm}::float8 IS NOT NULL
                    THEN least(${cap}::float8, coalesce(d.tokens, ${cap}::float8) + greatest(0, extract(epoch FROM d.start - coalesce(d.tokens_at, d.start)) * 1000) * ${perMs}::float8) - ${input.estimatedTokens}::float8
                    ELSE s.tokens END,
      tokens_at = CASE WHEN d.within AND NOT d.exhausted AND ${tpm}::float8 IS NOT NULL THEN d.start ELSE s.tokens_at END,
      adaptive_rpm = d.new_adaptive,
      last_increase_at = CASE WHEN d.new_adaptive IS DISTINCT FROM d.adaptive_rpm THEN d.t ELSE s.last_increase_at END,
      updated_at = d.t
    FROM d WHERE s.connection_id = d.connection_id
    RETURNING (d.within AND NOT d.exhausted) AS reserved, d.exhausted, d.used::int AS used,
              (extract(epoch FROM d.start - d.t) * 1000)::float8 AS "waitMs",
              (extract(epoch FROM d.start) * 1000)::float8 AS "startMs", (extract(epoch FROM d.t) * 1000)::float8 AS "nowMs",
              d.eff_rpm::float8 AS "effectiveRpm", d.interval_ms::float8 AS "intervalMs",
              d.new_adaptive::float8 AS "adaptiveRpm", d.learned_rpm AS "learnedRpm",
              (extract(epoch FROM d.paused_until - d.t) * 1000)::float8 AS "pausedMs",
              (extract(epoch FROM date_trunc('day', d.t) + interval '1 day' - d.t) * 1000)::float8 AS "resetsInMs"`;
  return rows[0];
}

/** After a call: token estimate corrected, extra requests (repairs) debited from pace and day, or an unused one (-1) given back to the day. */
export async function settleCall(db: PrismaClient, input: { connectionId: string; tokenDelta: number; tokenCapacity: number; extraCalls: number; extraMs: number }): Promise<void> {
  await db.$executeRaw`
    UPDATE rate_limit_states SET
      tokens = CASE WHEN tokens IS NULL OR ${input.tokenDelta}::float8 = 0 THEN tokens ELSE least(${input.tokenCapacity}::float8, tokens + ${input.tokenDelta}::float8) END,
      next_slot_at = CASE WHEN ${input.extraMs}::float8 > 0 THEN greatest(next_slot_at, ${NOW}) + ${input.extraMs}::float8 * ${MS} ELSE next_slot_at END,
      day_count = CASE WHEN day = to_char(${NOW}, 'YYYY-MM-DD') THEN greatest(0, day_count + ${input.extraCalls}::int) ELSE day_count END,
      updated_at = ${NOW}
    WHERE connection_id = ${input.connectionId}::uuid`;
}

/**
 * A start that woke late moves the schedule by its lateness, measured here on
 * the database's clock (this update itself delays the call too), so later
 * starts keep their spacing from it.
 */
export async function delaySchedule(db: PrismaClient, connectionId: string, reservedStartMs: number): Promise<void> {
  await db.$executeRaw`
    UPDATE rate_limit_states
       SET next_slot_at = next_slot_at + greatest(0, extract(epoch FROM ${NOW}) * 1000 - ${reservedStartMs}::float8) * ${MS}, updated_at = ${NOW}
     WHERE connection_id = ${connectionId}::uuid`;
}

export type ReportInput = {
  connectionId: string;
  pauseMs: number;
  learnedRpm: number | null;
  /** A 429 on a connection without a configured rpm: the adaptive rate reacts (limits/aimd.ts `applyRateLimited`). */
  adapt: boolean;
  initialRpm: number;
  contribution: number;
  firstReport: boolean;
  cooldownMs: number;
};

/** A 429 or telling headers: pause the whole connection, remember a learned limit, move the adaptive rate. */
export async function reportLimits(db: PrismaClient, input: ReportInput): Promise<SharedView | undefined> {
  const rows = await db.$queryRaw<SharedView[]>`
    WITH cur AS (
      SELECT s.*, ${NOW} AS t FROM rate_limit_states s WHERE s.connection_id = ${input.connectionId}::uuid FOR UPDATE OF s
    ), d AS (
      SELECT cur.*,
             ${input.adapt}::boolean AND coalesce(${input.learnedRpm}::int, cur.learned_rpm) IS NULL AS adapting,
             cur.last_decrease_at IS NOT NULL AND cur.last_decrease_at > cur.t - ${input.cooldownMs}::float8 * ${MS} AS in_event
        FROM cur
    )
    UPDATE rate_limit_states s SET
      paused_until = CASE WHEN ${input.pauseMs}::float8 > 0 THEN greatest(coalesce(d.paused_until, d.t), d.t + ${input.pauseMs}::float8 * ${MS}) ELSE d.paused_until END,
      learned_rpm = coalesce(${input.learnedRpm}::int, d.learned_rpm),
      adaptive_rpm = CASE
        WHEN NOT d.adapting THEN d.adaptive_rpm
        WHEN d.adaptive_rpm IS NULL THEN ${input.initialRpm}::float8
        WHEN d.in_event AND ${input.firstReport}::boolean AND d.last_increase_at IS NULL THEN least(${AIMD.maxRpm}::float8, d.adaptive_rpm + ${input.contribution}::float8)
        WHEN d.in_event THEN d.adaptive_rpm
        ELSE greatest(${AIMD.minRpm}::float8, d.adaptive_rpm * ${AIMD.decrease}::float8) END,
      last_decrease_at = CASE WHEN d.adapting AND (d.adaptive_rpm IS NULL OR NOT d.in_event) THEN d.t ELSE d.last_decrease_at END,
      last_increase_at = CASE WHEN d.adapting AND d.adaptive_rpm IS NULL THEN NULL ELSE d.last_increase_at END,
      updated_at = d.t
    FROM d WHERE s.connection_id = d.connection_id
    RETURNING s.adaptive_rpm AS "adaptiveRpm", s.learned_rpm AS "learnedRpm",
              (extract(epoch FROM s.paused_until - d.t) * 1000)::float8 AS "pausedMs"`;
  return rows[0];
}

export async function ensureSlots(db: PrismaClient, connectionId: string, count: number): Promise<void> {
  await db.$executeRaw`
    INSERT INTO connection_slots (connection_id, slot)
    SELECT ${connectionId}::uuid, n FROM generate_series(0, ${count}::int - 1) AS n
    ON CONFLICT (connection_id, slot) DO NOTHING`;
}

/** Takes a free or expired slot below `count`; SKIP LOCKED so concurrent claimers take different slots. */
export async function claimSlot(db: PrismaClient, input: { connectionId: string; count: number; holder: string; leaseMs: number }): Promise<number | undefined> {
  const rows = await db.$queryRaw<{ slot: number }[]>`
    UPDATE connection_slots SET holder = ${input.holder}, expires_at = ${NOW} + ${input.leaseMs}::float8 * ${MS}
     WHERE connection_id = ${input.connectionId}::uuid
       AND (holder IS NULL OR expires_at < ${NOW})
       AND slot = (SELECT slot FROM connection_slots
                    WHERE connection_id = ${input.connectionId}::uuid AND slot < ${input.count}::int
                      AND (holder IS NULL OR expires_at < ${NOW})
                    ORDER BY slot LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING slot`;
  return rows[0]?.slot;
}

/** Extends a held lease; false when the slot was lost (lease expired and taken). */
export async function renewSlot(db: PrismaClient, input: { connectionId: string; slot: number; holder: string; leaseMs: number }): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE connection_slots SET expires_at = ${NOW} + ${input.leaseMs}::float8 * ${MS}
     WHERE connection_id = ${input.connectionId}::uuid AND slot = ${input.slot}::int AND holder = ${input.holder}`;
  return count > 0;
}

export async function releaseSlot(db: PrismaClient, input: { connectionId: string; slot: number; holder: string }): Promise<void> {
  await db.$executeRaw`
    UPDATE connection_slots SET holder = NULL, expires_at = NULL
     WHERE connection_id = ${input.connectionId}::uuid AND slot = ${input.slot}::int AND holder = ${input.holder}`;
}
