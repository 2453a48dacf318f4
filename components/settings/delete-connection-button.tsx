"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Loader2, Trash2 } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc/client";
import { ErrorNotice } from "@/components/query-state";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { Connection } from "./connection-draft";

export function DeleteConnectionButton({ connection }: { connection: Connection }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const remove = useMutation(
    trpc.connections.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.connections.list.queryFilter());
        setOpen(false);
      },
    }),
  );

  return (
    <>
      <Button variant="ghost" size="icon-sm" aria-label={`Delete ${connection.name}`} data-testid="connection-delete" onClick={() => { remove.reset(); setOpen(true); }}>
        <Trash2 aria-hidden />
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={`Delete connection "${connection.name}"?`}
        description={
          connection.implicit
            ? "It is re-created the next time a design with this inline model is run."
            : "Designs that name this connection cannot be launched until a connection with this name exists again. Generated rows keep their model and lineage."
        }
        testId="connection-delete-dialog"
      >
        {remove.isError ? <ErrorNotice title="Could not delete the connection" message={remove.error.message} /> : null}
        <div className="flex justify-end gap-2">
          <Button variant="outline" onClick={() => setOpen(false)} disabled={remove.isPending}>
            Keep it
          </Button>
          <Button variant="destructive" data-testid="connection-delete-confirm" disabled={remove.isPending} onClick={() => remove.mutate({ id: connection.id })}>
            {remove.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Trash2 aria-hidden />}
            Delete
          </Button>
        </div>
      </Dialog>
    </>
  );
}
