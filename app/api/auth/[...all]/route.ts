import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/server/auth/auth";

export const dynamic = "force-dynamic";

// Sign-in, sign-out and sessions (better-auth). Sign-up is off: see server/auth/accounts.ts.
export const { GET, POST } = toNextJsHandler((request: Request) => getAuth().handler(request));
