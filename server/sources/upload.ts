import "server-only";
// The upload endpoint's work: read the body while counting bytes (a file over
// the limit is cut off as it arrives, never buffered whole), accept a raw body
// named by ?filename= or a multipart form with a `file` field, then parse and store.
import { AppError } from "@/server/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { errorResponse } from "@/server/http";
import { checkSourceSize, sourceSizeError } from "./parse";
import { storeUpload, toSourceSummary } from "./service";

/** Room for the multipart envelope around the file (boundaries, headers, other fields). */
const MULTIPART_OVERHEAD = 64 * 1024;

async function readLimited(body: ReadableStream<Uint8Array> | null, limit: number, onOver: () => Error): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw onOver();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const truthy = (value: FormDataEntryValue | string | null) => value === "1" || value === "true";

export type Upload = { name: string; bytes: Uint8Array; wholeFile: boolean };

export async function readUpload(request: Request, maxBytes: number): Promise<Upload> {
  const url = new URL(request.url);
  const contentType = request.headers.get("content-type") ?? "";
  const multipart = contentType.toLowerCase().startsWith("multipart/form-data");
  const header = request.headers.get("x-filename");
  const queryName = url.searchParams.get("filename") ?? (header ? decodeURIComponent(header) : null);
  // A multipart body names its file inside, so an oversize one is refused before its name is known.
  const label = queryName ?? undefined;
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  const allowance = multipart ? maxBytes + MULTIPART_OVERHEAD : maxBytes;
  if (Number.isFinite(declared) && declared > allowance) throw sourceSizeError(label, maxBytes, multipart ? undefined : declared);
  const bytes = await readLimited(request.body, allowance, () => sourceSizeError(label, maxBytes));
  if (!multipart) {
    if (!queryName) throw new AppError("BAD_REQUEST", 'Name the file: add ?filename=notes.csv to the URL (its extension decides how it is read), or send multipart/form-data with a "file" field.');
    return { name: queryName, bytes, wholeFile: truthy(url.searchParams.get("wholeFile")) };
  }
  let form: FormData;
  try {
    form = await new Response(Buffer.from(bytes), { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("BAD_REQUEST", "The upload is not a valid multipart/form-data body. Send the file in a form field named \"file\".");
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("BAD_REQUEST", 'The form has no file: send it in a field named "file".');
  checkSourceSize(file.name, file.size, maxBytes);
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), wholeFile: truthy(form.get("wholeFile")) || truthy(url.searchParams.get("wholeFile")) };
}

/**
 * POST /api/sources: 201 with the stored source and, for a CSV of several columns, the
 * separator it was split with; or the error's status with `{ error }` naming the file, line and fix.
 */
export async function handleSourceUpload(db: PrismaClient, request: Request, maxBytes: number): Promise<Response> {
  try {
    const upload = await readUpload(request, maxBytes);
    const { source, separator } = await storeUpload(db, upload, { wholeFile: upload.wholeFile, maxBytes });
    return Response.json({ source: toSourceSummary(source), separator }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
