import { getDb } from "@/server/db";
import { errorResponse } from "@/server/http";

export const dynamic = "force-dynamic";

/** Liveness plus a database round trip; used by the e2e web server wait. */
export async function GET() {
  try {
    await getDb().$queryRaw`select 1`;
    return Response.json({ ok: true });
  } catch (error) {
    return errorResponse(error);
  }
}
