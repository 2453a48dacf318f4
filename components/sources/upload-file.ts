// Sends a file to POST /api/sources with XMLHttpRequest, because fetch cannot
// report upload progress. The raw file is the body; its name goes in the URL.
import type { RouterOutputs } from "@/lib/trpc/client";

export type StoredSource = RouterOutputs["sources"]["list"][number];

export function uploadSourceFile(file: File, options: { wholeFile: boolean; onProgress: (fraction: number) => void; signal?: AbortSignal }): Promise<StoredSource> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    const query = new URLSearchParams({ filename: file.name, ...(options.wholeFile ? { wholeFile: "1" } : {}) });
    request.open("POST", `/api/sources?${query}`);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as { source?: StoredSource; error?: string } | null;
      if (request.status === 201 && body?.source) resolve(body.source);
      else reject(new Error(body?.error ?? `The upload failed (HTTP ${request.status}).`));
    };
    request.onerror = () => reject(new Error("The upload was interrupted: the server could not be reached, or it closed the connection."));
    request.onabort = () => reject(new DOMException("The upload was cancelled.", "AbortError"));
    options.signal?.addEventListener("abort", () => request.abort(), { once: true });
    request.send(file);
  });
}
