// The signed-in person for server components (layouts and pages), from the
// request's cookie. Procedures get theirs from the tRPC context instead.
import "server-only";
import { headers } from "next/headers";
import { getDb } from "@/server/db";
import { getAuth } from "./auth";
import { countUsers } from "./queries";
import { resolveViewer, type AuthedViewer } from "./viewer";

export async function getCurrentViewer(): Promise<AuthedViewer | null> {
  return (await resolveViewer(getDb(), getAuth(), await headers())).viewer;
}

export async function needsSetup(): Promise<boolean> {
  return (await countUsers(getDb())) === 0;
}
