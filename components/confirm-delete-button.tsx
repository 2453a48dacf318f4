"use client";

import { useMutation } from "@tanstack/react-query";
import { Loader2, Trash2 } from "lucide-react";
import { useState, type ReactNode } from "react";
import { ErrorNotice } from "@/components/query-state";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

type Props = {
  /** Accessible name of the icon button, e.g. "Delete faq.csv". */
  label: string;
  title: string;
  description: ReactNode;
  errorTitle: string;
  /** `x` gives the test ids `x`, `x-dialog` and `x-confirm`. */
  testId: string;
  /** Deletes; the dialog closes when it resolves and shows the error when it rejects. */
  onConfirm: () => Promise<unknown>;
};

/** A trash icon that asks before deleting, and keeps the dialog open with the server's reason when it refuses. */
export function ConfirmDeleteButton({ label, title, description, errorTitle, testId, onConfirm }: Props) {
  const [open, setOpen] = useState(false);
  const remove = useMutation({ mutationFn: onConfirm, onSuccess: () => setOpen(false) });
  return (
    <>
      <Button variant="ghost" size="icon-sm" aria-label={label} data-testid={testId} onClick={() => { remove.reset(); setOpen(true); }}>
        <Trash2 aria-hidden />
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title={title} description={description} testId={`${testId}-dialog`}>
        {remove.isError ? <ErrorNotice title={errorTitle} message={remove.error.message} /> : null}
        <div className="flex justify-end gap-2">
          <Button variant="outline" onClick={() => setOpen(false)} disabled={remove.isPending}>
            Keep it
          </Button>
          <Button variant="destructive" data-testid={`${testId}-confirm`} disabled={remove.isPending} onClick={() => remove.mutate()}>
            {remove.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Trash2 aria-hidden />}
            Delete
          </Button>
        </div>
      </Dialog>
    </>
  );
}
