import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext } from "@/server/trpc/context";
import { appRouter } from "@/server/trpc/root";

// Every procedure reads the database; nothing here can be prerendered. The
// response headers carry a refreshed session cookie (see server/auth/viewer.ts).
export const dynamic = "force-dynamic";

function handler(req: Request) {
  return fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: ({ resHeaders }) => createContext(req, resHeaders) });
}

export { handler as GET, handler as POST };
