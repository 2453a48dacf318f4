"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc/client";
import { ConfirmDeleteButton } from "@/components/confirm-delete-button";
import type { Connection } from "./connection-draft";

export function DeleteConnectionButton({ connection }: { connection: Connection }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(trpc.connections.delete.mutationOptions());
  return (
    <ConfirmDeleteButton
      label={`Delete ${connection.name}`}
      title={`Delete connection "${connection.name}"?`}
      description={
        connection.implicit
          ? "It is re-created the next time a design with this inline model is run."
          : "Designs that name this connection cannot be launched until a connection with this name exists again. Generated rows keep their model and lineage."
      }
      errorTitle="Could not delete the connection"
      testId="connection-delete"
      onConfirm={async () => {
        await remove.mutateAsync({ id: connection.id });
        await queryClient.invalidateQueries(trpc.connections.list.queryFilter());
      }}
    />
  );
}
