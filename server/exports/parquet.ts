// Parquet: a typed schema from the column plan (UTF8 strings, INT32, DOUBLE,
// BOOLEAN, structs, and lists in the standard 3-level LIST encoding, so
// `messages` is list<struct<role, content>>), written one row group at a time
// with hyparquet-writer's incremental ParquetWriter: only the current group is
// in memory, and its bytes leave as soon as it is encoded.
import type { SchemaElement } from "hyparquet";
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import type { ColumnType, ExportColumn, FieldType, StructType } from "./columns";
import type { Chunk, ExportEncoder } from "./types";

/** Rows per row group, unless the group reaches GROUP_BYTES first (long conversations). */
export const GROUP_ROWS = 10_000;
export const GROUP_BYTES = 32 * 1024 * 1024;

const LEAF: Record<FieldType, Pick<SchemaElement, "type" | "converted_type" | "logical_type">> = {
  string: { type: "BYTE_ARRAY", converted_type: "UTF8", logical_type: { type: "STRING" } },
  int: { type: "INT32" },
  double: { type: "DOUBLE" },
  bool: { type: "BOOLEAN" },
};

function structElements(name: string, type: StructType): SchemaElement[] {
  const fields = Object.entries(type.struct);
  return [{ name, repetition_type: "OPTIONAL", num_children: fields.length }, ...fields.map(([field, fieldType]): SchemaElement => ({ name: field, repetition_type: "OPTIONAL", ...LEAF[fieldType] }))];
}

function elementsOf(name: string, type: ColumnType): SchemaElement[] {
  if (typeof type === "string") return [{ name, repetition_type: "OPTIONAL", ...LEAF[type] }];
  if ("struct" in type) return structElements(name, type);
  // <list-repetition> group <name> (LIST) { repeated group list { <element-repetition> <element-type> element; } }
  const element = typeof type.list === "string" ? [{ name: "element", repetition_type: "OPTIONAL", ...LEAF[type.list] } satisfies SchemaElement] : structElements("element", type.list);
  return [
    { name, repetition_type: "OPTIONAL", converted_type: "LIST", logical_type: { type: "LIST" }, num_children: 1 },
    { name: "list", repetition_type: "REPEATED", num_children: 1 },
    ...element,
  ];
}

export function parquetSchema(columns: readonly ExportColumn[]): SchemaElement[] {
  return [{ name: "schema", num_children: columns.length }, ...columns.flatMap((column) => elementsOf(column.name, column.type))];
}

/** A ByteWriter whose bytes are taken out after each row group; `offset` keeps counting the whole file. */
class ChunkWriter extends ByteWriter {
  take(): Uint8Array[] {
    if (this.index === 0) return [];
    const bytes = new Uint8Array(this.buffer.slice(0, this.index));
    this.index = 0;
    return [bytes];
  }
}

/** Roughly the bytes a row holds: enough to cap a row group's memory. */
function sizeOf(value: unknown): number {
  if (typeof value === "string") return value.length * 2;
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + sizeOf(item), 16);
  if (value && typeof value === "object") return Object.values(value).reduce<number>((sum, item) => sum + sizeOf(item), 16);
  return 8;
}

export function createParquetEncoder(columns: readonly ExportColumn[], limits = { rows: GROUP_ROWS, bytes: GROUP_BYTES }): ExportEncoder {
  const writer = new ChunkWriter(64 * 1024);
  const parquet = new ParquetWriter({ writer, schema: parquetSchema(columns), codec: "SNAPPY", createdBy: "datafast" });
  let group: unknown[][] = [];
  let groupBytes = 0;

  const writeGroup = (): Chunk[] => {
    if (group.length === 0) return [];
    const rows = group;
    group = [];
    groupBytes = 0;
    const columnData = columns.map((column, index) => ({ name: column.name, data: rows.map((row) => row[index]) }));
    // A synchronous writer: write() returns nothing to await.
    void parquet.write({ columnData, rowGroupSize: rows.length });
    return writer.take();
  };

  return {
    start: () => writer.take(),
    add: ({ typed }) => {
      group.push(typed);
      groupBytes += sizeOf(typed);
      return group.length >= limits.rows || groupBytes >= limits.bytes ? writeGroup() : [];
    },
    end: () => {
      const last = writeGroup();
      void parquet.finish();
      return [...last, ...writer.take()];
    },
  };
}
