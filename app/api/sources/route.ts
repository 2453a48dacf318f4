import { requireRouteRole } from "@/server/auth/route-access";
import { getDb } from "@/server/db";
import { getSourceEnv } from "@/server/env";
import { errorResponse } from "@/server/http";
import { handleSourceUpload } from "@/server/sources/upload";

export const dynamic = "force-dynamic";

/** Upload a source file: a raw body with ?filename=notes.csv[&wholeFile=1], or multipart/form-data with a `file` field. */
export async function POST(request: Request) {
  try {
    await requireRouteRole(request, "editor");
  } catch (error) {
    return errorResponse(error);
  }
  return handleSourceUpload(getDb(), request, getSourceEnv().SOURCE_MAX_BYTES);
}
