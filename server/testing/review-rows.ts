// A seeded classification dataset for the review grid's tests and benchmark:
// rows with several labels, languages, models, runs and expansion variables,
// texts of 50–400 characters, and some reviews (statuses, relabels, edits).
// The rows are generated in memory first, so tests can compute what a filter
// must return without SQL, then written with batched multi-row INSERTs.
import { randomUUID } from "node:crypto";
import { mulberry32, randomFraction, randomIndex, type Random } from "@/lib/prompts/random";
import { poolOf, type Db } from "@/server/db";

export const SEED_LABELS = ["billing", "bug", "feature", "account", "shipping", "praise"] as const;
export const SEED_LANGUAGES = ["en", "fr", "de", "es", "pt"] as const;
export const SEED_MODELS = ["mock-1", "mock-2", "gpt-4o-mini"] as const;
export const SEED_TONES = ["angry", "polite", "neutral", "sarcastic"] as const;
export const SEED_AUDIENCES = ["kids", "adults", "experts"] as const;
/** Who reviewed: a few people, one of them rarely (the benchmark's rare reviewer), and answers pulled from Argilla. */
export const SEED_REVIEWERS = ["Ana Annotator", "Eddie Editor", "argilla:ben", "Rita Rare"] as const;
/** In about 1 row of 2,000: the benchmark's rare search word. */
export const RARE_WORD = "zanzibar";

const WORDS: Record<(typeof SEED_LANGUAGES)[number], string[]> = {
  en: "the order invoice refund late delivery broken screen login password account charge twice please help thanks great feature request app crash update email support payment card store shipping package arrived damaged".split(" "),
  fr: "la commande facture remboursement retard livraison écran cassé connexion mot passe compte payé deux fois merci aide super fonction application mise jour courriel colis arrivé abîmé".split(" "),
  de: "die bestellung rechnung erstattung verspätet lieferung kaputt bildschirm anmeldung passwort konto doppelt bezahlt bitte hilfe danke toll funktion app absturz paket beschädigt".split(" "),
  es: "el pedido factura reembolso tarde entrega pantalla rota inicio sesión contraseña cuenta cobro doble por favor ayuda gracias genial función aplicación paquete dañado".split(" "),
  pt: "o pedido fatura reembolso atraso entrega tela quebrada login senha conta cobrança dupla por favor ajuda obrigado ótimo recurso aplicativo pacote danificado".split(" "),
};

export type SeedReview = {
  status: "pending" | "accepted" | "rejected";
  labels: string[];
  editedData: Record<string, unknown> | null;
  /** Who last changed the review; a pending review may name someone too (a reset, a rating alone). */
  reviewer?: string | null;
  rating?: number | null;
  comment?: string | null;
};
export type SeedRow = {
  id: string;
  runId: string;
  workItemId: string;
  index: number;
  text: string;
  labels: string[];
  language: string;
  prompt: string;
  model: string;
  variables: Record<string, string>;
  costUsd: number;
  createdAt: Date;
  current: boolean;
  review: SeedReview | null;
  /** Index of its near-duplicate group (in SeedDataset.duplicateGroups), or null. */
  duplicateGroup: number | null;
};
export type SeedDataset = { datasetId: string; runIds: string[]; rows: SeedRow[]; duplicateGroups: string[] };

function pick<T>(next: Random, items: readonly T[]): T {
  return items[randomIndex(next, items.length)]!;
}

function sentence(next: Random, language: (typeof SEED_LANGUAGES)[number], minLength: number, maxLength: number): string {
  const target = minLength + randomIndex(next, maxLength - minLength + 1);
  const words: string[] = [];
  let length = 0;
  while (length < target) {
    const word = pick(next, WORDS[language]);
    words.push(word);
    length += word.length + 1;
  }
  if (randomFraction(next) < 0.0005) words.splice(randomIndex(next, words.length), 0, RARE_WORD);
  const text = words.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1, maxLength - 1)}.`;
}

/** Builds `count` rows in memory; rows of one work item (10 rows) share a creation time, as a commit makes them. */
export function buildSeedDataset(count: number, seed = 42): SeedDataset {
  const next = mulberry32(seed);
  // Reviewers, ratings and comments draw from their own sequence, so the rest of a seed stays what it always was.
  const nextReview = mulberry32(seed + 7919);
  const datasetId = randomUUID();
  const runIds = [randomUUID(), randomUUID(), randomUUID()];
  const rows: SeedRow[] = [];
  const duplicateGroups: string[] = [];
  const start = Date.UTC(2026, 0, 1);
  let workItemId = randomUUID();
  for (let i = 0; i < count; i++) {
    if (i % 10 === 0) workItemId = randomUUID();
    const language = pick(next, SEED_LANGUAGES);
    const label = pick(next, SEED_LABELS);
    const labels = randomFraction(next) < 0.1 ? [label, pick(next, SEED_LABELS.filter((other) => other !== label))] : [label];
    const variables: Record<string, string> = { tone: pick(next, SEED_TONES) };
    if (randomFraction(next) < 0.7) variables.audience = pick(next, SEED_AUDIENCES);
    const text = sentence(next, language, 50, 400);
    const roll = randomFraction(next);
    let review: SeedReview | null = null;
    if (roll < 0.25) {
      const status = roll < 0.12 ? "accepted" : roll < 0.2 ? "rejected" : "pending";
      const relabel = randomFraction(next) < 0.2 ? [pick(next, SEED_LABELS)] : [];
      const edited = randomFraction(next) < 0.15 ? { text: `${text} (edited)` } : null;
      const who = randomFraction(nextReview);
      const reviewer = who < 0.1 ? null : who < 0.5 ? SEED_REVIEWERS[0] : who < 0.8 ? SEED_REVIEWERS[1] : who < 0.98 ? SEED_REVIEWERS[2] : SEED_REVIEWERS[3];
      const rating = randomFraction(nextReview) < 0.3 ? 1 + randomIndex(nextReview, 5) : null;
      const comment = randomFraction(nextReview) < 0.2 ? pick(nextReview, ["Check the tone.", "Good example.", "Label is wrong"]) : null;
      review = { status, labels: relabel, editedData: edited, reviewer, rating, comment };
    }
    rows.push({
      id: randomUUID(),
      runId: runIds[Math.min(2, Math.floor((i / count) * 3))]!,
      workItemId,
      index: i % 10,
      text,
      labels,
      language,
      prompt: `Write 10 short customer messages in ${language} about "${label}" (messages a support team files under ${label}) in a${variables.tone === "angry" ? "n" : ""} ${variables.tone} tone${variables.audience ? `, as written by ${variables.audience}` : ""}. Vary length and wording; one message per item.`,
      model: pick(next, SEED_MODELS),
      variables,
      costUsd: Math.round(randomFraction(next) * 1e6) / 1e9,
      createdAt: new Date(start + Math.floor(i / 10) * 1000),
      // A few rows were replaced by a regeneration: they stay in history but are not current.
      current: randomFraction(next) >= 0.01,
      review,
      duplicateGroup: null,
    });
    // About 3 % of rows: a near-duplicate of the previous row (same group, text nearly the same).
    const previous = rows.at(-2);
    if (previous && randomFraction(next) < 0.03) {
      const row = rows.at(-1)!;
      row.text = `${previous.text.slice(0, -1)}!`;
      previous.duplicateGroup ??= duplicateGroups.push(randomUUID()) - 1;
      row.duplicateGroup = previous.duplicateGroup;
    }
  }
  return { datasetId, runIds, rows, duplicateGroups };
}

const BATCH = 5_000;

/** Writes the dataset, its runs, work items, rows and reviews. */
export async function insertSeedDataset(db: Db, seedDataset: SeedDataset): Promise<void> {
  const pool = poolOf(db);
  const { datasetId, runIds, rows } = seedDataset;
  const snapshotId = randomUUID();
  const design = { name: "review-seed", type: "classification" };
  await pool.query(`INSERT INTO datasets (id, name, type, design, updated_at) VALUES ($1, $2, 'classification', $3, now())`, [datasetId, `review-seed-${datasetId.slice(0, 8)}`, design]);
  await pool.query(`INSERT INTO design_snapshots (id, dataset_id, version, design, fingerprint) VALUES ($1, $2, 1, $3, $4)`, [snapshotId, datasetId, design, snapshotId]);
  for (const [ordinal, runId] of runIds.entries()) {
    await pool.query(`INSERT INTO runs (id, dataset_id, snapshot_id, status, created_at, updated_at) VALUES ($1, $2, $3, 'completed', $4, now())`, [runId, datasetId, snapshotId, new Date(Date.UTC(2025, 11, 1 + ordinal))]);
  }
  if (seedDataset.duplicateGroups.length) {
    const scanId = randomUUID();
    await pool.query(`INSERT INTO duplicate_scans (id, dataset_id, status, threshold) VALUES ($1, $2, 'completed', 0.8)`, [scanId, datasetId]);
    const sizes = seedDataset.duplicateGroups.map((_, group) => rows.filter((row) => row.duplicateGroup === group).length);
    await pool.query(
      `INSERT INTO duplicate_groups (id, dataset_id, scan_id, size, similarity) SELECT id, $1, $2, size, 0.9 FROM unnest($3::uuid[], $4::int[]) AS t(id, size)`,
      [datasetId, scanId, seedDataset.duplicateGroups, sizes],
    );
  }
  const items = [...new Map(rows.map((row) => [row.workItemId, row.runId])).entries()];
  for (let at = 0; at < items.length; at += BATCH) {
    const batch = items.slice(at, at + BATCH);
    await pool.query(
      `INSERT INTO work_items (id, run_id, key, ordinal, status, payload, expected_rows, updated_at)
       SELECT id, run_id, id::text, ordinal, 'succeeded', '{}'::jsonb, 10, now() FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS t(id, run_id, ordinal)`,
      [batch.map(([id]) => id), batch.map(([, runId]) => runId), batch.map((_, index) => at + index)],
    );
  }
  for (let at = 0; at < rows.length; at += BATCH) {
    const batch = rows.slice(at, at + BATCH);
    await pool.query(
      `INSERT INTO rows (id, dataset_id, run_id, work_item_id, index, data, text, labels, language, model, prompt, variables, parameters, cost_usd, current, created_at, duplicate_group_id)
       SELECT id, $1::uuid, run_id, work_item_id, index, jsonb_build_object('text', text, 'label', labels ->> 0, 'labels', labels, 'language', language),
              text, ARRAY(SELECT jsonb_array_elements_text(labels)), language, model, prompt, variables, '{}'::jsonb, cost_usd, current, created_at, duplicate_group_id
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::text[], $7::jsonb[], $8::text[], $9::text[], $10::jsonb[], $11::float8[], $12::bool[], $13::timestamp[], $14::uuid[], $15::text[])
           AS t(id, run_id, work_item_id, index, text, labels, language, model, variables, cost_usd, current, created_at, duplicate_group_id, prompt)`,
      [
        datasetId,
        batch.map((row) => row.id),
        batch.map((row) => row.runId),
        batch.map((row) => row.workItemId),
        batch.map((row) => row.index),
        batch.map((row) => row.text),
        batch.map((row) => JSON.stringify(row.labels)),
        batch.map((row) => row.language),
        batch.map((row) => row.model),
        batch.map((row) => JSON.stringify(row.variables)),
        batch.map((row) => row.costUsd),
        batch.map((row) => row.current),
        batch.map((row) => row.createdAt.toISOString().replace("T", " ").replace("Z", "")),
        batch.map((row) => (row.duplicateGroup === null ? null : seedDataset.duplicateGroups[row.duplicateGroup]!)),
        batch.map((row) => row.prompt),
      ],
    );
    const reviewed = batch.filter((row) => row.review);
    if (reviewed.length === 0) continue;
    await pool.query(
      `INSERT INTO reviews (id, row_id, dataset_id, status, edited_data, labels, reviewer, rating, comment, updated_at)
       SELECT gen_random_uuid(), row_id, $1::uuid, status::review_status, edited_data, ARRAY(SELECT jsonb_array_elements_text(labels)), reviewer, rating, comment, now()
         FROM unnest($2::uuid[], $3::text[], $4::jsonb[], $5::jsonb[], $6::text[], $7::int[], $8::text[]) AS t(row_id, status, edited_data, labels, reviewer, rating, comment)`,
      [
        datasetId,
        reviewed.map((row) => row.id),
        reviewed.map((row) => row.review!.status),
        reviewed.map((row) => (row.review!.editedData ? JSON.stringify(row.review!.editedData) : null)),
        reviewed.map((row) => JSON.stringify(row.review!.labels)),
        reviewed.map((row) => row.review!.reviewer ?? null),
        reviewed.map((row) => row.review!.rating ?? null),
        reviewed.map((row) => row.review!.comment ?? null),
      ],
    );
  }
}
