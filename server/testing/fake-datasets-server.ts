// A local stand-in for the Hugging Face dataset viewer API (datasets-server), for
// tests: /splits, /size and /rows with the real answers' shapes, the real 422 for
// length > 100 and its {"error": "..."} bodies, 404 for an unknown dataset, 401
// for a gated one without a token (404 with a wrong one). Loopback only.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeRow = Record<string, unknown>;
/** `overlap`: each /rows page also repeats this many rows before its offset, like a server whose pages overlap. */
export type FakeDataset = { gated?: boolean; overlap?: number; configs: Record<string, Record<string, FakeRow[]>> };
export type FakeRequest = { path: string; params: Record<string, string>; authorization: string | undefined };

export type FakeDatasetsServer = {
  url: string;
  requests: FakeRequest[];
  /** The next `count` requests answer `status` with `{"error": message}`. */
  failNext(status: number, message: string, count?: number): void;
  close(): Promise<void>;
};

const MAX_LENGTH = 100;
const UNAUTHENTICATED = "The dataset does not exist, or is not accessible without authentication (private or gated). Please check the spelling of the dataset name or retry with authentication.";
const NOT_ACCESSIBLE = "The dataset does not exist, or is not accessible with the current credentials (private or gated). Please check the spelling of the dataset name or retry with other authentication variables.";

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function dtypeOf(value: unknown): string {
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return Number.isInteger(value) ? "int64" : "float64";
  return "null";
}

function intParam(params: Record<string, string>, name: string, fallback: number): number {
  const raw = params[name];
  if (raw === undefined) return fallback;
  if (!/^-?\d+$/.test(raw)) throw new HttpError(422, `Parameter '${name}' must be integer`);
  const value = Number(raw);
  if (value < 0) throw new HttpError(422, `Parameter '${name}' must be positive`);
  return value;
}

export async function startFakeDatasetsServer(options: { datasets: Record<string, FakeDataset>; token?: string }): Promise<FakeDatasetsServer> {
  const requests: FakeRequest[] = [];
  const failures: { status: number; message: string }[] = [];

  function datasetOf(params: Record<string, string>, authorization: string | undefined): FakeDataset {
    const name = params.dataset;
    if (!name) throw new HttpError(422, "Parameter 'dataset' is required");
    const dataset = options.datasets[name];
    if (!dataset) throw new HttpError(404, NOT_ACCESSIBLE);
    if (dataset.gated) {
      if (!authorization) throw new HttpError(401, UNAUTHENTICATED);
      if (authorization !== `Bearer ${options.token}`) throw new HttpError(404, NOT_ACCESSIBLE);
    }
    return dataset;
  }

  function answer(path: string, params: Record<string, string>, authorization: string | undefined): unknown {
    if (path === "/splits") {
      const dataset = datasetOf(params, authorization);
      const splits = Object.entries(dataset.configs).flatMap(([config, splitsOf]) => Object.keys(splitsOf).map((split) => ({ dataset: params.dataset, config, split })));
      return { splits, pending: [], failed: [] };
    }
    if (path === "/size") {
      const dataset = datasetOf(params, authorization);
      const configs = Object.entries(dataset.configs).filter(([config]) => !params.config || config === params.config);
      if (configs.length === 0) throw new HttpError(404, "Not found.");
      const splits = configs.flatMap(([config, splitsOf]) => Object.entries(splitsOf).map(([split, rows]) => ({ dataset: params.dataset, config, split, num_bytes_parquet_files: 0, num_bytes_memory: 0, num_rows: rows.length, num_columns: Object.keys(rows[0] ?? {}).length })));
      const total = splits.reduce((sum, split) => sum + split.num_rows, 0);
      const head = params.config ? { config: { dataset: params.dataset, config: params.config, num_rows: total } } : { dataset: { dataset: params.dataset, num_rows: total } };
      return { size: { ...head, splits }, pending: [], failed: [], partial: false };
    }
    if (path === "/rows") {
      if (!params.dataset || !params.config || !params.split) throw new HttpError(422, "Parameters 'dataset', 'config' and 'split' are required");
      const dataset = datasetOf(params, authorization);
      const offset = intParam(params, "offset", 0);
      const length = intParam(params, "length", MAX_LENGTH);
      if (length > MAX_LENGTH) throw new HttpError(422, `Parameter 'length' must not be greater than ${MAX_LENGTH}`);
      const rows = dataset.configs[params.config]?.[params.split];
      if (!rows) throw new HttpError(404, "Not found.");
      const from = Math.max(0, offset - (dataset.overlap ?? 0));
      const features = Object.entries(rows[0] ?? {}).map(([name, value], index) => ({ feature_idx: index, name, type: { dtype: dtypeOf(value), _type: "Value" } }));
      return {
        features,
        rows: rows.slice(from, offset + length).map((row, index) => ({ row_idx: from + index, row, truncated_cells: [] })),
        num_rows_total: rows.length,
        num_rows_per_page: MAX_LENGTH,
        partial: false,
      };
    }
    throw new HttpError(404, "Not Found");
  }

  function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? "/", "http://fake");
    const params = Object.fromEntries(url.searchParams);
    const authorization = request.headers.authorization;
    requests.push({ path: url.pathname, params, authorization });
    let status = 200;
    let body: unknown;
    const failure = failures.shift();
    try {
      if (failure) throw new HttpError(failure.status, failure.message);
      body = answer(url.pathname, params, authorization);
    } catch (error) {
      status = error instanceof HttpError ? error.status : 500;
      body = { error: (error as Error).message };
    }
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  }

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext(status, message, count = 1) {
      for (let i = 0; i < count; i++) failures.push({ status, message });
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
