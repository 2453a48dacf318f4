// Fails when the hand-written migrations and prisma/schema.prisma disagree:
// tables, columns, types, nullability, indexes and enum values.
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { readPrismaSchema } from "./prisma-schema";
import { applyMigrations } from "./migrate";

let database: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

const expected = readPrismaSchema(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"));

describe("migrations match schema.prisma", () => {
  it("has exactly the tables of the schema", async () => {
    const { rows } = await client.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> '_prisma_migrations' order by 1`,
    );
    expect(rows.map((row) => row.table_name)).toEqual(expected.tables.map((table) => table.name).sort());
  });

  it.each(expected.tables.map((table) => [table.name, table] as const))("table %s has the schema's columns, types and nullability", async (name, table) => {
    const { rows } = await client.query<{ column_name: string; udt_name: string; is_nullable: string }>(
      `select column_name, udt_name, is_nullable from information_schema.columns where table_schema = 'public' and table_name = $1 order by column_name`,
      [name],
    );
    const actual = rows.map((row) => ({ name: row.column_name, type: row.udt_name, nullable: row.is_nullable === "YES" }));
    expect(actual).toEqual([...table.columns].sort((a, b) => a.name.localeCompare(b.name)));
  });

  it.each(expected.tables.map((table) => [table.name, table] as const))("table %s has the schema's indexes", async (name, table) => {
    const { rows } = await client.query<{ name: string; columns: string[]; unique: boolean; method: string }>(
      `select i.relname as name, ix.indisunique as unique, am.amname as method,
              array(select a.attname::text from unnest(ix.indkey) with ordinality k(attnum, n) join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum order by k.n) as columns
         from pg_index ix join pg_class t on t.oid = ix.indrelid join pg_class i on i.oid = ix.indexrelid
         join pg_am am on am.oid = i.relam join pg_namespace ns on ns.oid = t.relnamespace
        where ns.nspname = 'public' and t.relname = $1 order by i.relname`,
      [name],
    );
    expect(rows).toEqual([...table.indexes].sort((a, b) => a.name.localeCompare(b.name)));
  });

  it("has the schema's enums with the same values in order", async () => {
    const { rows } = await client.query<{ name: string; values: string[] }>(
      `select t.typname as name, array_agg(e.enumlabel::text order by e.enumsortorder) as values
         from pg_type t join pg_enum e on e.enumtypid = t.oid join pg_namespace ns on ns.oid = t.typnamespace
        where ns.nspname = 'public' group by t.typname order by t.typname`,
    );
    expect(Object.fromEntries(rows.map((row) => [row.name, row.values]))).toEqual(expected.enums);
  });

  it("records migrations like Prisma and applies each only once", async () => {
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(`select migration_name, checksum, finished_at from _prisma_migrations`);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
    }
    expect(await applyMigrations(database.url)).toEqual([]);
  });
});
