// A small reader of schema.prisma: just enough (models, fields, enums, indexes,
// @map/@@map, @db types) to say what tables the migrations must have created.
// Prisma's own engine cannot be downloaded here, so we cannot ask it.
import { readFileSync } from "node:fs";

export type ExpectedColumn = { name: string; type: string; nullable: boolean };
export type ExpectedIndex = { name: string; columns: string[]; unique: boolean; method: string };
export type ExpectedTable = { name: string; columns: ExpectedColumn[]; indexes: ExpectedIndex[] };
export type ExpectedSchema = { tables: ExpectedTable[]; enums: Record<string, string[]> };

const scalarTypes: Record<string, string> = {
  String: "text", Int: "int4", BigInt: "int8", Float: "float8", Boolean: "bool", DateTime: "timestamp", Json: "jsonb", Decimal: "numeric", Bytes: "bytea",
};
const nativeTypes: Record<string, string> = { Uuid: "uuid", Text: "text", Integer: "int4", BigInt: "int8", DoublePrecision: "float8", Boolean: "bool", JsonB: "jsonb", Timestamptz: "timestamptz", Timestamp: "timestamp", Date: "date" };

function blocks(source: string, keyword: "model" | "enum") {
  const pattern = new RegExp(`^${keyword}\\s+(\\w+)\\s*\\{([\\s\\S]*?)^\\}`, "gm");
  return [...source.matchAll(pattern)].map((match) => ({ name: match[1]!, body: match[2]! }));
}

function lines(body: string): string[] {
  return body.split("\n").map((line) => line.replace(/\/\/.*$/, "").trim()).filter(Boolean);
}

const mapOf = (text: string) => /@map\("([^"]+)"\)/.exec(text)?.[1];
const listOf = (text: string) => text.split(",").map((part) => part.trim().replace(/\(.*\)$/, "")).filter(Boolean);

export function readPrismaSchema(file: string): ExpectedSchema {
  const source = readFileSync(file, "utf8");
  const enums: Record<string, string[]> = {};
  const enumDbName: Record<string, string> = {};
  for (const block of blocks(source, "enum")) {
    const body = lines(block.body);
    const dbName = /@@map\("([^"]+)"\)/.exec(block.body)?.[1] ?? block.name;
    enumDbName[block.name] = dbName;
    enums[dbName] = body.filter((line) => !line.startsWith("@@")).map((line) => mapOf(line) ?? line.split(/\s+/)[0]!);
  }
  const models = blocks(source, "model");
  const modelNames = new Set(models.map((model) => model.name));
  const tables = models.map((model): ExpectedTable => {
    const table = /@@map\("([^"]+)"\)/.exec(model.body)?.[1] ?? model.name;
    const columns: ExpectedColumn[] = [];
    const indexes: ExpectedIndex[] = [];
    const columnOf = new Map<string, string>();
    for (const line of lines(model.body)) {
      if (line.startsWith("@@") || line.startsWith("///")) continue;
      const [field, rawType] = line.split(/\s+/) as [string, string];
      const baseType = rawType.replace(/[?[\]]/g, "");
      if (modelNames.has(baseType)) continue;
      const column = mapOf(line) ?? field;
      columnOf.set(field, column);
      const list = rawType.endsWith("[]");
      const native = /@db\.(\w+)/.exec(line)?.[1];
      const unsupported = /^Unsupported\("(\w+)"\)$/.exec(baseType)?.[1];
      const type = native ? nativeTypes[native] ?? native.toLowerCase() : unsupported ?? enumDbName[baseType] ?? scalarTypes[baseType] ?? baseType;
      columns.push({ name: column, type: list ? `_${type}` : type, nullable: rawType.endsWith("?") || list });
      if (/@id\b/.test(line)) indexes.push({ name: `${table}_pkey`, columns: [column], unique: true, method: "btree" });
      if (/@unique\b/.test(line)) indexes.push({ name: `${table}_${column}_key`, columns: [column], unique: true, method: "btree" });
    }
    for (const line of lines(model.body).filter((l) => l.startsWith("@@"))) {
      const match = /^@@(unique|index|id)\(\[([^\]]+)\](.*)\)$/.exec(line);
      if (!match) continue;
      const [, kind, fields, rest] = match as unknown as [string, string, string, string];
      const cols = listOf(fields).map((field) => columnOf.get(field) ?? field);
      const explicit = /map:\s*"([^"]+)"/.exec(rest)?.[1];
      const method = (/type:\s*(\w+)/.exec(rest)?.[1] ?? "btree").toLowerCase();
      const suffix = kind === "unique" ? "key" : kind === "id" ? "pkey" : "idx";
      const name = explicit ?? (kind === "id" ? `${table}_pkey` : `${table}_${cols.join("_")}_${suffix}`);
      indexes.push({ name, columns: cols, unique: kind !== "index", method });
    }
    return { name: table, columns, indexes };
  });
  return { tables, enums };
}
