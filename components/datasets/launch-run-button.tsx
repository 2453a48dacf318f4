"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Loader2, Play } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { Button } from "@/components/ui/button";

export function LaunchRunButton({ datasetId }: { datasetId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const launch = useMutation(
    trpc.runs.launch.mutationOptions({
      onSuccess: async ({ runId }) => {
        await queryClient.invalidateQueries(trpc.runs.list.queryFilter({ datasetId }));
        router.push(`/datasets/${datasetId}/runs/${runId}`);
      },
    }),
  );
  return (
    <div className="flex flex-col items-end gap-1">
      <Button data-testid="launch-run" disabled={launch.isPending} onClick={() => launch.mutate({ datasetId })}>
        {launch.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Play aria-hidden />}
        Launch run
      </Button>
      {launch.isError ? (
        <p role="alert" data-testid="launch-error" className="max-w-xs text-right text-xs text-destructive">
          {launch.error.message}
        </p>
      ) : null}
    </div>
  );
}
