// The CLI talks to the database directly, so it checks roles itself: once any
// account exists, every command that reads or changes data needs DATAFAST_TOKEN
// (an API token) whose role allows it. A fresh install without accounts needs none.
import { hasRole, type Role, type Viewer } from "@/lib/auth/roles";
import { countUsers } from "@/server/auth/queries";
import { viewerFromToken } from "@/server/auth/viewer";
import type { Db } from "@/server/db";
import { CliError } from "./output";

export async function authorizeCli(db: Db, token: string | undefined, needed: Role): Promise<Viewer | null> {
  if ((await countUsers(db)) === 0) return null;
  if (!token) {
    throw new CliError("datafast has accounts: set DATAFAST_TOKEN to an API token (create one in the web app under Settings → API tokens), e.g. DATAFAST_TOKEN=dft_… npm run cli -- …");
  }
  const { viewer, problem } = await viewerFromToken(db, token);
  if (!viewer) throw new CliError(`DATAFAST_TOKEN was refused: ${problem}`);
  if (!hasRole(viewer.role, needed)) {
    throw new CliError(`this command needs an ${needed} (or owner) token; DATAFAST_TOKEN belongs to ${viewer.email} with the ${viewer.role} role. Use a token with a higher role.`);
  }
  return viewer;
}
