// Sends a file to POST /api/sources with XMLHttpRequest, because fetch cannot
// report upload progress. The raw file is the body; its name goes in the URL.
import type { CsvSeparator } from "@/lib/sources/formats";
import type { RouterOutputs } from "@/lib/trpc/client";

export type StoredSource = RouterOutputs["sources"]["list"][number];

/** The stored source, and for a CSV of several columns the separator it was split with. */
export type UploadResult = { source: StoredSource; separator: CsvSeparator | null };

export function uploadSourceFile(file: File, options: { wholeFile: boolean; onProgress: (fraction: number) => void; signal?: AbortSignal }): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    const query = new URLSearchParams({ filename: file.name, ...(options.wholeFile ? { wholeFile: "1" } : {}) });
    request.open("POST", `/api/sources?${query}`);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as { source?: StoredSource; separator?: CsvSeparator | null; error?: string } | null;
      if (request.status === 201 && body?.source) resolve({ source: body.source, separator: body.separator ?? null });
      else reject(new Error(body?.error ?? `The upload failed (HTTP ${request.status}).`));
    };
    request.onerror = () => reject(new Error("The upload was interrupted: the server could not be reached, or it closed the connection."));
    request.onabort = () => reject(new DOMException("The upload was cancelled.", "AbortError"));
    options.signal?.addEventListener("abort", () => request.abort(), { once: true });
    request.send(file);
  });
}
