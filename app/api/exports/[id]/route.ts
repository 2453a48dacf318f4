import { requireRouteRole } from "@/server/auth/route-access";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { exportChunks, exportContentType, exportFileName, prepareExport } from "@/server/exports/service";
import { errorResponse, streamBody } from "@/server/http";
import { parseExportQuery } from "@/lib/exports/export-options";

export const dynamic = "force-dynamic";

/**
 * GET /api/exports/<datasetId|runId>?format=jsonl|csv|parquet[&rows=accepted|not_rejected]
 *   [&lineage=model,language,…][&test_share=0.1&seed=42&split_as=column|files[&split=train|test]][&bom=1]
 * A split exported as files is two downloads, one per `split` part.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requireRouteRole(request, "editor");
    const { id } = await params;
    const query = parseExportQuery(new URL(request.url).searchParams);
    if (!query.success) throw new AppError("BAD_REQUEST", `Invalid export: ${query.message}.`);
    const db = getDb();
    const prepared = await prepareExport(db, id, query.options);
    const filename = exportFileName(prepared, query.part);
    return new Response(streamBody(exportChunks(db, prepared, query.part)), {
      headers: {
        "content-type": exportContentType(prepared),
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
