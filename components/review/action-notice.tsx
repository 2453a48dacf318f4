"use client";

// The notice after a review action ("Rejected 12 rows · Undo"), shared by the
// focus view and the bulk actions: Undo asks the server to restore what the
// action touched and the notice then says what it did.
import { useMutation } from "@tanstack/react-query";
import { X } from "lucide-react";
import { useTRPC } from "@/lib/trpc/client";
import { cn } from "@/components/ui/cn";
import { Button } from "@/components/ui/button";
import { useInvalidateReviews } from "./focus/use-review-actions";

export type ActionNoticeState = { message: string; actionId: string | null; datasetId: string };

export function ActionNotice({ notice, onChange, testId, className }: { notice: ActionNoticeState; onChange(next: ActionNoticeState | null): void; testId: string; className?: string }) {
  const trpc = useTRPC();
  const undo = useMutation(trpc.reviews.undo.mutationOptions({ onSettled: useInvalidateReviews() }));
  const settle = (message: string) => onChange({ ...notice, message, actionId: null });
  return (
    <div role="status" data-testid={testId} className={cn("flex flex-wrap items-center gap-2", className)}>
      <span data-testid={`${testId}-text`}>{notice.message}</span>
      {notice.actionId ? (
        <Button
          size="sm"
          variant="outline"
          data-testid={`${testId.replace(/-notice$/, "")}-undo`}
          disabled={undo.isPending}
          onClick={() => undo.mutate({ datasetId: notice.datasetId, actionId: notice.actionId! }, { onSuccess: (result) => settle(result.message), onError: (error) => settle(error.message) })}
        >
          Undo
        </Button>
      ) : null}
      <Button size="icon-sm" variant="ghost" className="ml-auto" aria-label="Dismiss" onClick={() => onChange(null)}>
        <X aria-hidden />
      </Button>
    </div>
  );
}
