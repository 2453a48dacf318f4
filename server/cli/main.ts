// datafast CLI: `npm run cli -- <command>`. Same engine and database as the web app.
import path from "node:path";
import { runModeSchema, type RunModeName } from "@/lib/runs/run-mode";
import { isAppError } from "@/server/errors";
import { bootDatabase } from "@/server/runtime";
import { CliError, emit, say } from "./output";
import { readDesignFile } from "./read-design";

const USAGE = `usage: npm run cli -- <command>
  generate <design.json> [--budget <usd>] [--mode online|batch]
                                                 create a dataset from the design file and run it to the end; --mode batch
                                                 sends the work items through the provider's batch API (OpenAI, Anthropic)
  resume <runId> [--budget <usd>]                continue an interrupted or paused run and follow it to its end
  pause <runId>                                  stop claiming new items; items in flight finish
  cancel <runId>                                 cancel the items not yet started; rows made so far are kept
  retry-failed <runId>                           run the failed items of a failed run again and follow it to its end
  export <runId|datasetId> --format jsonl|csv|parquet --out <file> [--rows all|accepted|not_rejected]
         [--lineage row_id,run_id,model,language,variables,tokens,cost] [--split <test share> [--seed 42]
         [--split-as column|files]] [--bom]
                                                 write the current rows (reviewers' edits applied) to a file; --split
                                                 adds a seeded train/test split as a "split" column, or as two files
                                                 <out>.train.<ext> and <out>.test.<ext>; --bom starts a CSV with a BOM
  schema                                         print the JSON Schema of design files (for editors and other tools)
  example <type>                                 print a complete starter design of a dataset type (classification, text,
                                                 conversation, mcq, preference, reasoning, transform), pointed at the mock LLM
Once datafast has accounts, generate, resume, pause, cancel, retry-failed and export need DATAFAST_TOKEN=dft_…
(an editor or owner API token from Settings → API tokens); schema and example need none.`;

function budgetOption(args: string[]): number | undefined {
  const raw = option(args, "--budget");
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new CliError(`--budget must be a positive number of US dollars, got "${raw}"`);
  return value;
}

function modeOption(args: string[]): RunModeName {
  const raw = option(args, "--mode") ?? "online";
  const parsed = runModeSchema.safeParse(raw);
  if (!parsed.success) throw new CliError(`--mode must be "online" or "batch", got "${raw}"`);
  return parsed.data;
}

const exitCodeOf = (status: string) => (status === "completed" ? 0 : status === "interrupted" ? 130 : status === "paused" ? 3 : 1);

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index === -1) return undefined;
  const value = args[index + 1];
  if (!value || value.startsWith("--")) throw new CliError(`${name} needs a value`);
  return value;
}

/** Commands that touch data all need the editor role (generate, runs, export). */
async function withEngine<T>(work: (engine: Awaited<ReturnType<typeof openEngine>>) => Promise<T>): Promise<T> {
  const database = await bootDatabase((line) => say(`[db] ${line}`));
  const engine = await openEngine();
  try {
    const { authorizeCli } = await import("./authorize");
    const { getAuthEnv } = await import("@/server/env");
    await authorizeCli(engine.db, getAuthEnv().DATAFAST_TOKEN, "editor");
    return await work(engine);
  } finally {
    await engine.close();
    await database.stop();
  }
}

async function openEngine() {
  const { getDb, closeDb } = await import("@/server/db");
  const { getEnv } = await import("@/server/env");
  const { workQueueFor, stopBoss } = await import("@/server/jobs/queue");
  const db = getDb();
  const env = getEnv();
  return {
    db,
    queue: workQueueFor(env.DATABASE_URL),
    startWorker: async () => (await import("@/server/jobs/start-worker")).startWorkerFromEnv((line) => say(`[worker] ${line}`)),
    close: async () => {
      await stopBoss().catch(() => undefined);
      await closeDb();
    },
  };
}

async function runToEnd(engine: Awaited<ReturnType<typeof openEngine>>, runId: string, startedAt: number) {
  const { followRun } = await import("./follow-run");
  const worker = await engine.startWorker();
  try {
    return await followRun(engine.db, runId, startedAt);
  } finally {
    await worker.stop();
  }
}

async function generate(args: string[]): Promise<number> {
  const file = args[0];
  if (!file) throw new CliError(`generate needs a design file\n${USAGE}`);
  const design = readDesignFile(file);
  const mode = modeOption(args);
  const startedAt = Date.now();
  return withEngine(async (engine) => {
    const { createDataset } = await import("@/server/datasets/service");
    const { launchRun } = await import("@/server/generation/service");
    const dataset = await createDataset(engine.db, design);
    const run = await launchRun(engine.db, engine.queue, dataset.id, { budgetUsd: budgetOption(args), mode, baseDir: path.dirname(path.resolve(file)) });
    emit({ event: "started", runId: run.runId, datasetId: dataset.id, planned: run.plannedRows });
    say(`dataset ${dataset.id}, run ${run.runId}: ${run.plannedItems} work items, ${run.plannedRows} rows planned${mode === "batch" ? ", sent as provider batches (results within 24 h)" : ""}`);
    return exitCodeOf(await runToEnd(engine, run.runId, startedAt));
  });
}

async function resume(args: string[]): Promise<number> {
  const runId = args[0];
  if (!runId) throw new CliError(`resume needs a run id\n${USAGE}`);
  const startedAt = Date.now();
  return withEngine(async (engine) => {
    const { getRun, resumeRun } = await import("@/server/generation/service");
    const run = await getRun(engine.db, runId);
    if (run.status === "queued" || run.status === "running" || run.status === "paused") await resumeRun(engine.db, engine.queue, runId, { budgetUsd: budgetOption(args) });
    emit({ event: "started", runId, datasetId: run.datasetId, planned: run.plannedRows });
    return exitCodeOf(await runToEnd(engine, runId, startedAt));
  });
}

function runIdArgument(command: string, args: string[]): string {
  const runId = args[0];
  if (!runId || runId.startsWith("--")) throw new CliError(`${command} needs a run id\n${USAGE}`);
  return runId;
}

async function pause(args: string[]): Promise<number> {
  const runId = runIdArgument("pause", args);
  return withEngine(async (engine) => {
    const { pauseRun } = await import("@/server/generation/lifecycle");
    await pauseRun(engine.db, runId);
    emit({ event: "paused", runId });
    say(`paused; items in flight finish. Continue with: npm run cli -- resume ${runId}`);
    return 0;
  });
}

async function cancel(args: string[]): Promise<number> {
  const runId = runIdArgument("cancel", args);
  return withEngine(async (engine) => {
    const { cancelRun } = await import("@/server/generation/lifecycle");
    const result = await cancelRun(engine.db, runId);
    emit({ event: result.status, runId });
    if (result.status === "cancelling") say("cancelling; the run ends as cancelled when its items in flight finish");
    return 0;
  });
}

async function retryFailed(args: string[]): Promise<number> {
  const runId = runIdArgument("retry-failed", args);
  const startedAt = Date.now();
  return withEngine(async (engine) => {
    const { retryFailedItems } = await import("@/server/generation/lifecycle");
    const retried = await retryFailedItems(engine.db, engine.queue, runId);
    emit({ event: "started", runId, datasetId: retried.datasetId, planned: retried.plannedRows });
    say(`retrying ${retried.requeued} failed work items`);
    return exitCodeOf(await runToEnd(engine, runId, startedAt));
  });
}

async function exportCommand(args: string[]): Promise<number> {
  const { parseExportArgs, runExport } = await import("./export-command");
  const parsed = parseExportArgs(args, USAGE);
  return withEngine((engine) => runExport(engine.db, parsed));
}

/** No database: the schema comes from the design's zod schema alone. */
async function schema(): Promise<number> {
  const { designJsonSchema } = await import("@/lib/designs/design-json-schema");
  process.stdout.write(`${JSON.stringify(designJsonSchema(), null, 2)}\n`);
  return 0;
}

/** No database: a starter design, ready for `generate` (the mock LLM must be running: npm run mock-llm). */
async function example(args: string[]): Promise<number> {
  const { datasetTypeNames } = await import("@/lib/designs/design-schema");
  const { starterDesign } = await import("@/lib/designs/examples");
  const type = args[0];
  const known = datasetTypeNames as readonly string[];
  if (!type || !known.includes(type)) throw new CliError(`example needs a dataset type: one of ${datasetTypeNames.join(", ")}${type ? ` (got "${type}")` : ""}`);
  process.stdout.write(`${JSON.stringify(starterDesign(type as (typeof datasetTypeNames)[number]), null, 2)}\n`);
  return 0;
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  switch (command) {
    case "generate": return generate(args);
    case "resume": return resume(args);
    case "pause": return pause(args);
    case "cancel": return cancel(args);
    case "retry-failed": return retryFailed(args);
    case "export": return exportCommand(args);
    case "schema": return schema();
    case "example": return example(args);
    case undefined: case "help": case "--help": case "-h":
      say(USAGE);
      return command ? 0 : 2;
    default:
      throw new CliError(`unknown command "${command}"\n${USAGE}`);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof CliError || isAppError(error)) say(`error: ${(error as Error).message}`);
    else say(`error: ${(error as Error)?.stack ?? String(error)}`);
    process.exit(error instanceof CliError ? error.exitCode : 1);
  },
);
