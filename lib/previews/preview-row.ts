// One preview row as the server streams it (server/generation/preview.ts) and
// the form shows it (components/datasets/preview-panel.tsx).
export type PreviewRow = {
  prompt: string;
  /** Expansion and built-in variable values that shaped the prompt. */
  variables: Record<string, string>;
  language: string;
  model: string;
  status: "generating" | "done" | "error";
  /** The step running now, while generating. */
  step?: string;
  /** The row's fields (the first row the item made), once done. */
  data?: Record<string, unknown>;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  latencyMs: number;
  costUsd: number | null;
  error?: string;
};

export type PreviewEvent =
  | { type: "preview"; previewId: string }
  | { type: "rows"; rows: PreviewRow[] }
  | { type: "done"; previewId: string; usage: { inputTokens: number; outputTokens: number }; calls: number; rows: number }
  | { type: "error"; message: string };
