import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";
import { isAppError, type AppErrorCode } from "@/server/errors";
import { logger } from "@/server/logger";
import { getDataset } from "@/server/datasets/service";
import { aRole, hasRole, type Role } from "@/lib/auth/roles";
import type { Context } from "./context";

const codeMap: Record<AppErrorCode, TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHORIZED: "UNAUTHORIZED",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      // 5xx details stay in the server log.
      message: error.code === "INTERNAL_SERVER_ERROR" ? "Something went wrong on the server. The details are in the server log." : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
        issues: isAppError(cause) ? cause.issues : null,
      },
    };
  },
});

/** Maps AppError to tRPC errors and logs what the client will not see. */
const errorMapping = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (isAppError(cause)) {
      throw new TRPCError({ code: codeMap[cause.code], message: cause.message, cause });
    }
    if (result.error.code === "INTERNAL_SERVER_ERROR") logger.error("procedure failed", { path, error: String(result.error.cause ?? result.error) });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(errorMapping);

/** A signed-in caller (session cookie or API token); 401 otherwise. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.viewer) throw new TRPCError({ code: "UNAUTHORIZED", message: ctx.authProblem ?? "Sign in first (or send an API token as Authorization: Bearer dft_…)." });
  return next({ ctx: { viewer: ctx.viewer } });
});

function roleProcedure(needed: Role) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!hasRole(ctx.viewer.role, needed)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `This needs the ${needed} role; you are ${aRole(ctx.viewer.role)}. Ask an owner to change your role.` });
    }
    return next();
  });
}

/** Review: read datasets, rows and runs; accept, reject, edit, label, rate, comment. */
export const annotatorProcedure = roleProcedure("annotator");
/** Designs, previews, runs, sources, exports, regeneration. */
export const editorProcedure = roleProcedure("editor");
/** Members, provider connections, prices, integrations. */
export const ownerProcedure = roleProcedure("owner");
/** Account management from a browser session only: an API token cannot mint tokens or change members. */
export const sessionProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.viewer.via !== "session") throw new TRPCError({ code: "FORBIDDEN", message: "API tokens cannot manage accounts or tokens; sign in in the browser." });
  return next();
});
export const ownerSessionProcedure = sessionProcedure.use(({ ctx, next }) => {
  if (!hasRole(ctx.viewer.role, "owner")) throw new TRPCError({ code: "FORBIDDEN", message: `Only owners manage members; you are ${aRole(ctx.viewer.role)}.` });
  return next();
});

const datasetInput = z.object({ datasetId: z.uuid({ error: "datasetId must be a dataset id (UUID)" }) });

/** Loads the dataset named by `input.datasetId` onto ctx (404 when absent), after the role check. */
function withDataset<P extends typeof annotatorProcedure>(procedure: P) {
  return procedure.input(datasetInput).use(async ({ ctx, input, next }) => {
    const dataset = await getDataset(ctx.db, input.datasetId);
    return next({ ctx: { dataset } });
  });
}

export const annotatorDatasetProcedure = withDataset(annotatorProcedure);
export const editorDatasetProcedure = withDataset(editorProcedure);
export const ownerDatasetProcedure = withDataset(ownerProcedure);
