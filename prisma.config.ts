import { defineConfig } from "prisma/config";

// The URL is only needed by migrate/introspect commands; `prisma generate` runs
// at install time, before any database exists, so it must not be required.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/datafast" },
});
