// The setting every Argilla integration test starts from: a test database with
// its own secret, an owner's caller, the fake Argilla (with annotators) and a
// stored Argilla connection to it.
import { resetServerSecret } from "@/server/secrets/server-secret";
import { createCaller } from "@/server/trpc/root";
import { contextAs } from "./auth-context";
import { createTestDatabase, type TestDatabase } from "./database";
import { startFakeArgilla, type FakeArgilla } from "./fake-argilla-server";

export type ArgillaTest = {
  database: TestDatabase;
  /** What a caller's context is built on (for callers in other roles). */
  base: Parameters<typeof contextAs>[1];
  caller: ReturnType<typeof createCaller>;
  argilla: FakeArgilla;
  connectionId: string;
  close(): Promise<void>;
};

export async function openArgillaTest(options: { secret: string; apiKey?: string; users?: string[]; connection: { name: string; workspace: string } }): Promise<ArgillaTest> {
  process.env.DATAFAST_SECRET = options.secret;
  resetServerSecret();
  const database = await createTestDatabase();
  const base = { db: database.db, queue: { enqueue: async () => {}, submitBatches: async () => {} } };
  const caller = createCaller(contextAs("owner", base));
  const argilla = await startFakeArgilla({ apiKey: options.apiKey });
  for (const user of options.users ?? []) argilla.addUser(user);
  const { id: connectionId } = await caller.integrations.create({ ...options.connection, kind: "argilla", url: argilla.url, token: argilla.apiKey });
  return {
    database, base, caller, argilla, connectionId,
    close: async () => {
      await argilla.close();
      await database.drop();
    },
  };
}
