// A test file's engine and a tRPC caller over it: started before its tests,
// stopped after them. Read the fields inside tests (they are set in beforeAll).
import { afterAll, beforeAll } from "vitest";
import { createCaller } from "@/server/trpc/root";
import { startTestEngine, type TestEngine } from "./engine";
import { contextAs } from "@/server/testing/auth-context";

export type Caller = ReturnType<typeof createCaller>;
export type EngineWithCaller = { engine: TestEngine; caller: Caller };

export function useTestEngine(): EngineWithCaller {
  const context = {} as EngineWithCaller;
  beforeAll(async () => {
    context.engine = await startTestEngine();
    context.caller = createCaller(contextAs("owner", { db: context.engine.db, queue: context.engine.queue }));
  });
  afterAll(async () => {
    await context.engine?.close();
  });
  return context;
}
