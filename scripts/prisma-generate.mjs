// Runs `prisma generate` offline. Prisma's CLI wants to download a schema engine
// it does not need for generation; pointing it at /bin/true for this one command
// keeps it offline. Never set that variable globally: migrate commands would then
// "succeed" without doing anything.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);
