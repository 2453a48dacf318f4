import { requireRouteRole } from "@/server/auth/route-access";
import { getDb } from "@/server/db";
import { jsonlLines, prepareExport } from "@/server/exports/service";
import { errorResponse, streamBody } from "@/server/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requireRouteRole(request, "editor");
    const { id } = await params;
    const format = new URL(request.url).searchParams.get("format") ?? "jsonl";
    const db = getDb();
    const prepared = await prepareExport(db, id, format);
    return new Response(streamBody(jsonlLines(db, prepared.target)), {
      headers: {
        "content-type": prepared.contentType,
        "content-disposition": `attachment; filename="${prepared.filename}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
