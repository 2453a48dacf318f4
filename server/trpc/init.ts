import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";
import { isAppError, type AppErrorCode } from "@/server/errors";
import { logger } from "@/server/logger";
import { getDataset } from "@/server/datasets/service";
import type { Context } from "./context";

const codeMap: Record<AppErrorCode, TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHORIZED: "UNAUTHORIZED",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
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

/** Loads the dataset named by `input.datasetId` onto ctx (404 when absent). */
export const datasetProcedure = publicProcedure.input(z.object({ datasetId: z.uuid({ error: "datasetId must be a dataset id (UUID)" }) })).use(async ({ ctx, input, next }) => {
  const dataset = await getDataset(ctx.db, input.datasetId);
  return next({ ctx: { dataset } });
});
