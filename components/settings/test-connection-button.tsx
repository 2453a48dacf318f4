"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, Loader2, PlugZap, XCircle } from "lucide-react";
import { useTRPC } from "@/lib/trpc/client";
import { formatDateTime } from "@/components/format";
import { Button } from "@/components/ui/button";
import type { Connection } from "./connection-draft";

type Outcome = { ok: boolean; message: string; at: string | Date } | null;

/** The last test of a connection: the one just run in this tab, else the stored one. */
export function TestStatus({ outcome, pending }: { outcome: Outcome; pending: boolean }) {
  return (
    <div data-testid="connection-test-result" data-status={pending ? "pending" : outcome ? (outcome.ok ? "ok" : "failed") : "never"} className="grid max-w-xs gap-0.5 text-xs">
      {pending ? (
        <span className="flex items-center gap-1.5 text-muted-foreground">
          <Loader2 className="size-3.5 animate-spin" aria-hidden /> Testing…
        </span>
      ) : outcome ? (
        <>
          <span className={`flex items-center gap-1.5 font-medium ${outcome.ok ? "text-success" : "text-destructive"}`}>
            {outcome.ok ? <CheckCircle2 className="size-3.5" aria-hidden /> : <XCircle className="size-3.5" aria-hidden />}
            {outcome.ok ? "Works" : "Failed"}
            <span className="font-normal text-muted-foreground">· {formatDateTime(outcome.at)}</span>
          </span>
          {/* Provider text is untrusted: rendered as text, clamped, full text on hover. */}
          <span className="line-clamp-3 break-words text-muted-foreground" title={outcome.message}>
            {outcome.message}
          </span>
        </>
      ) : (
        <span className="text-muted-foreground">Never tested</span>
      )}
    </div>
  );
}

export function useConnectionTest(connection: Connection) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const test = useMutation(
    trpc.connections.test.mutationOptions({
      onSettled: () => queryClient.invalidateQueries(trpc.connections.list.queryFilter()),
    }),
  );
  const outcome: Outcome = test.data
    ? { ok: test.data.ok, message: test.data.message, at: test.data.testedAt }
    : test.error
      ? { ok: false, message: test.error.message, at: new Date() }
      : connection.lastTest;
  return { outcome, pending: test.isPending, run: () => test.mutate({ id: connection.id }) };
}

export function TestConnectionButton({ pending, onClick }: { pending: boolean; onClick: () => void }) {
  return (
    <Button variant="outline" size="sm" data-testid="connection-test" disabled={pending} onClick={onClick}>
      {pending ? <Loader2 className="animate-spin" aria-hidden /> : <PlugZap aria-hidden />}
      Test
    </Button>
  );
}
