"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Loader2, Trash2 } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc/client";
import { ErrorNotice } from "@/components/query-state";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { StoredSource } from "./upload-file";

export function DeleteSourceButton({ source }: { source: StoredSource }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const remove = useMutation(
    trpc.sources.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.sources.list.queryFilter());
        setOpen(false);
      },
    }),
  );
  return (
    <>
      <Button variant="ghost" size="icon-sm" aria-label={`Delete ${source.name}`} data-testid="source-delete" onClick={() => { remove.reset(); setOpen(true); }}>
        <Trash2 aria-hidden />
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={`Delete the source "${source.name}"?`}
        description="Its records are deleted. Runs already made keep their rows; a dataset whose design names this source has to choose another one first."
        testId="source-delete-dialog"
      >
        {remove.isError ? <ErrorNotice title="Could not delete the source" message={remove.error.message} /> : null}
        <div className="flex justify-end gap-2">
          <Button variant="outline" onClick={() => setOpen(false)} disabled={remove.isPending}>
            Keep it
          </Button>
          <Button variant="destructive" data-testid="source-delete-confirm" disabled={remove.isPending} onClick={() => remove.mutate({ id: source.id })}>
            {remove.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Trash2 aria-hidden />}
            Delete
          </Button>
        </div>
      </Dialog>
    </>
  );
}
