"use client";

// The grid's columns for each dataset type: the fields a reviewer reads first,
// then status, language, model. Cells show the reviewer's edit when there is
// one, and mark search matches. Everything is rendered as text.
import type { ColumnDef } from "@tanstack/react-table";
import type { DatasetTypeName } from "@/lib/designs/design-schema";
import type { RowSort } from "@/lib/review/row-filter";
import type { SearchTerms } from "@/lib/review/search-terms";
import type { RouterOutputs } from "@/lib/trpc/client";
import { formatCost } from "@/components/format";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { HighlightedText } from "./highlighted-text";

export type GridRow = RouterOutputs["rows"]["list"]["rows"][number];
export type GridColumnMeta = { sort?: RowSort["field"]; width: string; testId: string };
export type GridColumn = ColumnDef<GridRow, unknown> & { meta: GridColumnMeta };

const statusVariant: Record<GridRow["review"]["status"], BadgeVariant> = { pending: "secondary", accepted: "success", rejected: "destructive" };

/** The row's searchable text itself, for types whose fields vary (transform). */
const ROW_TEXT = "$text";

/** A field's value as the grid shows it: the reviewer's edit over the original. */
function fieldOf(row: GridRow, field: string): unknown {
  if (field === ROW_TEXT) return row.text;
  const edited = row.review.editedData as Record<string, unknown> | null;
  if (edited && field in edited) return edited[field];
  return (row.data as Record<string, unknown> | null)?.[field];
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

function TextCell({ row, field, terms, main }: { row: GridRow; field: string; terms: SearchTerms; main?: boolean }) {
  const value = asText(fieldOf(row, field));
  const edited = Boolean((row.review.editedData as Record<string, unknown> | null)?.[field] !== undefined);
  // The searched text's snippet is centred on its first match, so the match is visible in two lines.
  const snippet = main && !edited && row.snippet && value === row.text ? row.snippet : null;
  return (
    <span className="line-clamp-2 leading-snug break-words whitespace-pre-wrap">
      {edited ? (
        <Badge variant="warning" className="mr-1 align-middle">
          edited
        </Badge>
      ) : null}
      {snippet ? <HighlightedText text={snippet.text} ranges={snippet.matches} /> : <HighlightedText text={value} terms={terms} />}
    </span>
  );
}

function textColumn(field: string, header: string, terms: SearchTerms, options: { main?: boolean; width?: string } = {}): GridColumn {
  return {
    id: field,
    header,
    cell: ({ row }) => <TextCell row={row.original} field={field} terms={terms} main={options.main} />,
    meta: { sort: options.main ? "text" : undefined, width: options.width ?? "minmax(12rem, 2fr)", testId: options.main ? "row-text" : `row-${field}` },
  };
}

function conversationColumn(terms: SearchTerms): GridColumn {
  return {
    id: "messages",
    header: "Conversation",
    cell: ({ row }) => {
      const messages = (fieldOf(row.original, "messages") as { role: string; content: string }[] | undefined) ?? [];
      const first = messages[0]?.content ?? "";
      return (
        <span className="line-clamp-2 leading-snug break-words whitespace-pre-wrap">
          <Badge variant="outline" className="mr-1 align-middle">
            {messages.length} turns
          </Badge>
          {row.original.snippet ? <HighlightedText text={row.original.snippet.text} ranges={row.original.snippet.matches} /> : <HighlightedText text={first} terms={terms} />}
        </span>
      );
    },
    meta: { sort: "text", width: "minmax(16rem, 3fr)", testId: "row-text" },
  };
}

const labelColumn: GridColumn = {
  id: "label",
  header: "Label",
  cell: ({ row }) => {
    const { labels, review } = row.original;
    const shown = review.labels ?? labels;
    return (
      <span className="flex flex-wrap gap-1">
        {shown.map((label) => (
          <Badge key={label} variant={review.labels ? "warning" : "info"} title={review.labels ? `Relabelled (generated: ${labels.join(", ")})` : undefined}>
            {label}
          </Badge>
        ))}
      </span>
    );
  },
  meta: { sort: "label", width: "minmax(7rem, 1fr)", testId: "row-label" },
};

const commonColumns: GridColumn[] = [
  {
    id: "status",
    header: "Status",
    cell: ({ row }) => {
      // As the "Reviewed by" filter reads it: a pending row has no reviewer, whoever last reset, rated or commented it.
      const reviewer = row.original.review.status === "pending" ? null : row.original.review.reviewer;
      return (
        <Badge variant={statusVariant[row.original.review.status]} title={reviewer ? `reviewed by ${reviewer}` : undefined} data-reviewer={reviewer ?? undefined}>
          {row.original.review.status}
        </Badge>
      );
    },
    meta: { sort: "status", width: "6.5rem", testId: "row-status" },
  },
  { id: "language", header: "Lang", cell: ({ row }) => row.original.language, meta: { sort: "language", width: "4rem", testId: "row-language" } },
  {
    id: "model",
    header: "Model",
    cell: ({ row }) => <span className="truncate font-mono text-xs text-muted-foreground">{row.original.model}</span>,
    meta: { sort: "model", width: "minmax(6rem, 0.8fr)", testId: "row-model" },
  },
  { id: "length", header: "Chars", cell: ({ row }) => <span className="tabular-nums">{row.original.text.length}</span>, meta: { sort: "length", width: "4.5rem", testId: "row-length" } },
  { id: "cost", header: "Cost", cell: ({ row }) => <span className="tabular-nums">{formatCost(row.original.costUsd)}</span>, meta: { sort: "cost", width: "5rem", testId: "row-cost" } },
];

/** Columns for a dataset type; a transform dataset's come from its rows' fields. */
export function gridColumns(type: DatasetTypeName, terms: SearchTerms, sampleFields: readonly string[]): GridColumn[] {
  const own: GridColumn[] = (() => {
    switch (type) {
      case "classification":
        return [textColumn("text", "Text", terms, { main: true, width: "minmax(16rem, 4fr)" }), labelColumn];
      case "text":
        return [textColumn("text", "Text", terms, { main: true, width: "minmax(16rem, 4fr)" }), textColumn("document_type", "Document type", terms, { width: "minmax(7rem, 1fr)" }), textColumn("topic", "Topic", terms, { width: "minmax(7rem, 1fr)" })];
      case "conversation":
        return [conversationColumn(terms), textColumn("persona", "Persona", terms, { width: "minmax(8rem, 1fr)" }), textColumn("topic", "Topic", terms, { width: "minmax(7rem, 1fr)" })];
      case "mcq":
        return [textColumn("instruction", "Question", terms, { main: true, width: "minmax(14rem, 3fr)" }), textColumn("answer", "Answer", terms)];
      case "preference":
        return [textColumn("instruction", "Instruction", terms, { main: true }), textColumn("chosen", "Chosen", terms), textColumn("rejected", "Rejected", terms)];
      case "reasoning":
        return [
          textColumn("instruction", "Problem", terms, { main: true, width: "minmax(14rem, 3fr)" }),
          textColumn("answer", "Answer", terms),
          { id: "verified", header: "Verified", cell: ({ row }) => asText(fieldOf(row.original, "verified")) || "–", meta: { width: "5rem", testId: "row-verified" } },
        ];
      case "transform": {
        const [first, ...rest] = sampleFields.slice(0, 4);
        return [textColumn(ROW_TEXT, "Text", terms, { main: true, width: "minmax(14rem, 3fr)" }), ...(first ? [first, ...rest] : []).map((field) => textColumn(field, field, terms))];
      }
    }
  })();
  return [...own, ...commonColumns];
}
