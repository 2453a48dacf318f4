"use client";

// Review progress of a dataset: how many current rows were reviewed, accepted,
// rejected, and how many are still pending. Shown on the dataset and review pages.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc/client";
import { formatCount } from "@/components/format";
import { cn } from "@/components/ui/cn";

const percent = (part: number, total: number) => (total === 0 ? 0 : (part / total) * 100);

export function ReviewProgress({ datasetId, className }: { datasetId: string; className?: string }) {
  const trpc = useTRPC();
  const progress = useQuery(trpc.insights.progress.queryOptions({ datasetId }, { refetchInterval: 10_000 }));
  if (!progress.data) return null;
  const { total, reviewed, accepted, rejected, pending } = progress.data;
  return (
    <div className={cn("grid gap-2 rounded-lg border bg-card p-4", className)} data-testid="review-progress">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">Review progress</span>
        <span className="text-muted-foreground tabular-nums">
          <span data-testid="progress-reviewed" className="font-medium text-foreground">{formatCount(reviewed)}</span> of {formatCount(total)} reviewed ({Math.round(percent(reviewed, total))} %)
        </span>
      </div>
      <div className="flex h-2 w-full overflow-hidden rounded-full bg-muted" role="img" aria-label={`${accepted} accepted, ${rejected} rejected, ${pending} pending`}>
        <div className="bg-success" style={{ width: `${percent(accepted, total)}%` }} />
        <div className="bg-destructive" style={{ width: `${percent(rejected, total)}%` }} />
      </div>
      <dl className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-muted-foreground tabular-nums">
        <div className="flex gap-1"><dt>accepted</dt><dd data-testid="progress-accepted" className="font-medium text-success">{formatCount(accepted)}</dd></div>
        <div className="flex gap-1"><dt>rejected</dt><dd data-testid="progress-rejected" className="font-medium text-destructive">{formatCount(rejected)}</dd></div>
        <div className="flex gap-1"><dt>pending</dt><dd data-testid="progress-pending" className="font-medium text-foreground">{formatCount(pending)}</dd></div>
      </dl>
    </div>
  );
}
