"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc/client";
import { ConfirmDeleteButton } from "@/components/confirm-delete-button";
import type { StoredSource } from "./upload-file";

export function DeleteSourceButton({ source }: { source: StoredSource }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(trpc.sources.delete.mutationOptions());
  return (
    <ConfirmDeleteButton
      label={`Delete ${source.name}`}
      title={`Delete the source "${source.name}"?`}
      description="Its records are deleted. Runs already made keep their rows; a dataset whose design names this source has to choose another one first."
      errorTitle="Could not delete the source"
      testId="source-delete"
      onConfirm={async () => {
        await remove.mutateAsync({ id: source.id });
        await queryClient.invalidateQueries(trpc.sources.list.queryFilter());
      }}
    />
  );
}
