import { z } from "zod";
import { requireRouteRole } from "@/server/auth/route-access";
import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import { AppError } from "@/server/errors";
import { streamPreview } from "@/server/generation/preview";
import { errorResponse, streamBody } from "@/server/http";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ design: z.unknown() });

export async function POST(request: Request) {
  try {
    await requireRouteRole(request, "editor");
    const body = bodySchema.safeParse(await request.json().catch(() => undefined));
    if (!body.success) throw new AppError("BAD_REQUEST", 'The request body must be JSON of the form {"design": {…}}.');
    const events = streamPreview(getDb(), body.data.design, { timeoutMs: getEnv().LLM_TIMEOUT_MS, signal: request.signal });
    // Validate before streaming so a bad design answers 400 with its issues.
    const first = await events.next();
    const lines = (async function* () {
      try {
        if (!first.done) yield `${JSON.stringify(first.value)}\n`;
        for await (const event of events) yield `${JSON.stringify(event)}\n`;
      } catch (error) {
        yield `${JSON.stringify({ type: "error", message: (error as Error).message })}\n`;
      }
    })();
    return new Response(streamBody(lines), { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
