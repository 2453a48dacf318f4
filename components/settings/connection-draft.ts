// The connection form's state (strings, as inputs hold them) and its mapping to
// the API input, kept pure so it can be tested without a browser.
import { kindInfo, type ConnectionKind, type CreateConnectionInput } from "@/lib/connections/schema";
import type { RouterOutputs } from "@/lib/trpc/client";

export type Connection = RouterOutputs["connections"]["list"][number];

export type ConnectionDraft = {
  name: string;
  kind: ConnectionKind;
  baseUrl: string;
  /** Always starts empty: the real key is never sent to the browser. */
  apiKey: string;
  clearApiKey: boolean;
  apiKeyEnv: string;
  rpm: string;
  tpm: string;
  rpd: string;
  maxConcurrency: string;
  structuredOutputs: boolean;
  timeoutMs: string;
};

export function emptyDraft(kind: ConnectionKind = "openai"): ConnectionDraft {
  return { name: "", kind, baseUrl: kindInfo[kind].defaultBaseUrl ?? "", apiKey: "", clearApiKey: false, apiKeyEnv: "", rpm: "", tpm: "", rpd: "", maxConcurrency: "", structuredOutputs: true, timeoutMs: "" };
}

const text = (value: number | null) => (value === null ? "" : String(value));

export function draftFromConnection(connection: Connection): ConnectionDraft {
  return {
    name: connection.name,
    kind: connection.kind,
    baseUrl: connection.baseUrl ?? connection.defaultBaseUrl ?? "",
    apiKey: "",
    clearApiKey: false,
    apiKeyEnv: connection.apiKeyEnv ?? "",
    rpm: text(connection.rpm),
    tpm: text(connection.tpm),
    rpd: text(connection.rpd),
    maxConcurrency: text(connection.maxConcurrency),
    structuredOutputs: connection.structuredOutputs,
    timeoutMs: text(connection.timeoutMs),
  };
}

/** Switching kind replaces the base URL only when it was empty or the previous kind's default. */
export function changeKind(draft: ConnectionDraft, kind: ConnectionKind): ConnectionDraft {
  const previousDefault = kindInfo[draft.kind].defaultBaseUrl ?? "";
  const untouched = draft.baseUrl.trim() === "" || draft.baseUrl.trim() === previousDefault;
  return { ...draft, kind, baseUrl: untouched ? (kindInfo[kind].defaultBaseUrl ?? "") : draft.baseUrl };
}

/** "" = not set; anything else goes to the schema as a number, so "abc" is reported as "must be a number". */
function number(value: string): number | undefined {
  return value.trim() === "" ? undefined : Number(value);
}

export function draftToInput(draft: ConnectionDraft): CreateConnectionInput & { clearApiKey: boolean } {
  return {
    name: draft.name,
    kind: draft.kind,
    baseUrl: draft.baseUrl,
    apiKey: draft.clearApiKey ? "" : draft.apiKey,
    clearApiKey: draft.clearApiKey,
    apiKeyEnv: draft.apiKeyEnv,
    rpm: number(draft.rpm),
    tpm: number(draft.tpm),
    rpd: number(draft.rpd),
    maxConcurrency: number(draft.maxConcurrency),
    structuredOutputs: draft.structuredOutputs,
    timeoutMs: number(draft.timeoutMs),
  };
}

const exact = new Intl.NumberFormat("en-US");
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
// Exact up to 100k (an RPM of 1,200 should read as such), compact beyond (2M TPM).
const count = (value: number) => (value < 100_000 ? exact : compact).format(value);

/** "500 RPM · 8 at once", or null without limits. */
export function describeLimits(connection: Pick<Connection, "rpm" | "tpm" | "rpd" | "maxConcurrency">): string | null {
  const parts = [
    connection.rpm !== null ? `${count(connection.rpm)} RPM` : null,
    connection.tpm !== null ? `${count(connection.tpm)} TPM` : null,
    connection.rpd !== null ? `${count(connection.rpd)} RPD` : null,
    connection.maxConcurrency !== null ? `${connection.maxConcurrency} at once` : null,
  ].filter((part) => part !== null);
  return parts.length > 0 ? parts.join(" · ") : null;
}
