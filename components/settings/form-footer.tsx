import { Loader2, Save } from "lucide-react";
import { ErrorNotice } from "@/components/query-state";
import { Button } from "@/components/ui/button";

/** What could not be saved, then Cancel and the submit button. */
export function FormFooter({ testIdPrefix, general, pending, editing, onCancel }: { testIdPrefix: string; general: string; pending: boolean; editing: boolean; onCancel: () => void }) {
  return (
    <>
      {general ? (
        <div data-testid={`${testIdPrefix}-form-error`}>
          <ErrorNotice title="Could not save the connection" message={general} />
        </div>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="outline" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" data-testid={`${testIdPrefix}-save`} disabled={pending}>
          {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Save aria-hidden />}
          {editing ? "Save changes" : "Add connection"}
        </Button>
      </div>
    </>
  );
}
