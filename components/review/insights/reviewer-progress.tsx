"use client";

// Review progress per person, beside the dataset's: the rows each accepted or
// rejected (whoever last changed a review; "argilla:<user>" for answers pulled
// from Argilla), how many they edited, and their mean rating. Each name opens
// the review grid filtered to that person's rows.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/lib/trpc/client";
import { DEFAULT_SORT, viewToParams } from "@/lib/review/view-params";
import { formatCount, formatRate } from "@/components/format";
import { Table, TableBody, TableCell, TableHeadings, TableRow } from "@/components/ui/table";

const HEADINGS = ["Reviewer", "Reviewed:right", "Accepted:right", "Rejected:right", "Edited:right", "Mean rating:right"] as const;

export function ReviewerProgress({ datasetId }: { datasetId: string }) {
  const trpc = useTRPC();
  const progress = useQuery(trpc.insights.reviewerProgress.queryOptions({ datasetId }, { refetchInterval: 10_000 }));
  if (!progress.data) return null;
  const { reviewers } = progress.data;
  return (
    <div className="grid gap-2 rounded-lg border bg-card p-4" data-testid="reviewer-progress">
      <span className="text-sm font-medium">Progress by reviewer</span>
      {reviewers.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nobody has accepted or rejected a row yet.</p>
      ) : (
        <Table>
          <TableHeadings headings={HEADINGS} />
          <TableBody>
            {reviewers.map((entry) => (
              <TableRow key={entry.reviewer} data-testid="reviewer-progress-row" data-reviewer={entry.reviewer}>
                <TableCell className="max-w-64 truncate">
                  <Link
                    href={`/datasets/${datasetId}/review?${viewToParams({ filter: { reviewers: [entry.reviewer] }, sort: DEFAULT_SORT, row: null })}`}
                    className="underline-offset-4 hover:underline"
                    title={`Review the rows ${entry.reviewer} accepted or rejected`}
                  >
                    {entry.reviewer}
                  </Link>
                </TableCell>
                <TableCell className="text-right tabular-nums" data-testid="reviewer-reviewed">{formatCount(entry.reviewed)}</TableCell>
                <TableCell className="text-right text-success tabular-nums">{formatCount(entry.accepted)}</TableCell>
                <TableCell className="text-right text-destructive tabular-nums">{formatCount(entry.rejected)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatCount(entry.edited)}</TableCell>
                <TableCell className="text-right tabular-nums" title={`${formatCount(entry.rated)} rated`}>
                  {entry.meanRating === null ? <span className="text-muted-foreground">—</span> : `${formatRate(entry.meanRating)} ★ (${formatCount(entry.rated)})`}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
