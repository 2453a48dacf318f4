"use client";

// One row at a time, rendered for its type, with every review action on it and
// the keyboard to drive them (see keyboard.ts). Previous / next follow the grid's
// filter and sort (reviews.neighbours), so the reviewer walks the grid's rows.
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight, Keyboard, X } from "lucide-react";
import { useEffect, useEffectEvent, useState } from "react";
import type { RowFilter, RowSort } from "@/lib/review/row-filter";
import { describeIssues, reviewDesignInfo, validateRowEdit, type FieldIssue } from "@/lib/review/row-edits";
import { useTRPC } from "@/lib/trpc/client";
import { formatCount, formatDateTime } from "@/components/format";
import { ErrorNotice, Loading } from "@/components/query-state";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ActionNotice, type ActionNoticeState } from "../action-notice";
import { ReviewHistory } from "../bulk/review-history";
import { DiffView } from "./diff-view";
import { EditForm } from "./edit-form";
import { editSlots, slotDiffs, slotsToFields } from "./edit-slots";
import { isTextField, keyToAction, type KeyAction } from "./keyboard";
import { chooseLabel, LabelPicker } from "./label-picker";
import { LineagePanel } from "./lineage-panel";
import { CommentBox, RatingStars } from "./rating-comment";
import { RowBody } from "./row-body";
import { effectiveData, rowDisplay } from "./row-display";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { useReviewActions } from "./use-review-actions";

export type FocusViewProps = {
  datasetId: string;
  filter: RowFilter;
  sort: RowSort;
  rowId: string;
  /** Another row (previous / next in the grid's order, a linked version), or null to close. */
  onNavigate(rowId: string | null): void;
};


const statusVariant: Record<string, BadgeVariant> = { pending: "secondary", accepted: "success", rejected: "destructive" };

export function FocusView(props: FocusViewProps) {
  // Outlives the row: "Accepted · Undo" stays on screen after moving to the next row.
  const [notice, setNotice] = useState<ActionNoticeState | null>(null);
  const [advance, setAdvance] = useState(true);
  return (
    <section aria-label="Focus view" data-testid="focus-view" className="grid content-start gap-4 rounded-lg border bg-card p-4 text-sm">
      {/* Keyed by row: edit mode, the comment draft and the shortcuts dialog start afresh on each row. */}
      <FocusRow key={props.rowId} {...props} advance={advance} onNotice={setNotice} />
      {notice ? <ActionNotice notice={notice} onChange={setNotice} testId="focus-notice" className="rounded-md border border-info/30 bg-info/5 px-3 py-2" /> : null}
      <label className="flex items-center gap-2 text-xs text-muted-foreground">
        <input type="checkbox" className="size-3.5 accent-primary" checked={advance} onChange={(event) => setAdvance(event.target.checked)} data-testid="focus-advance" />
        Go to the next row after accepting or rejecting
      </label>
      <details className="rounded-md border px-3 py-2">
        <summary className="cursor-pointer text-sm font-medium">History and undo</summary>
        <div className="pt-2">
          <ReviewHistory datasetId={props.datasetId} />
        </div>
      </details>
    </section>
  );
}

function FocusRow({ datasetId, filter, sort, rowId, onNavigate, advance, onNotice }: FocusViewProps & { advance: boolean; onNotice(notice: ActionNoticeState): void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dataset = useQuery(trpc.datasets.get.queryOptions({ datasetId }));
  const row = useQuery(trpc.reviews.get.queryOptions({ datasetId, rowId }));
  const neighbours = useQuery(trpc.reviews.neighbours.queryOptions({ datasetId, filter, sort, rowId }, { placeholderData: keepPreviousData }));
  const position = useQuery(trpc.reviews.position.queryOptions({ datasetId, filter, sort, rowId }, { placeholderData: keepPreviousData }));
  const actions = useReviewActions();
  const [editing, setEditing] = useState(false);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [editError, setEditError] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);

  const previous = neighbours.data?.rowId === rowId ? neighbours.data.previous : null;
  const next = neighbours.data?.rowId === rowId ? neighbours.data.next : null;
  // The next rows open instantly: their data is fetched while this one is reviewed.
  useEffect(() => {
    for (const id of [next, previous]) if (id) void queryClient.prefetchQuery(trpc.reviews.get.queryOptions({ datasetId, rowId: id }));
  }, [next, previous, datasetId, queryClient, trpc]);

  const info = reviewDesignInfo(dataset.data?.design);
  const loaded = dataset.data && row.data ? { type: dataset.data.type, row: row.data } : null;
  const original = (loaded?.row.data ?? {}) as Record<string, unknown>;
  const review = loaded?.row.review ?? null;
  const effective = effectiveData(original, review?.editedData);
  const labels = review?.labels.length ? review.labels : (loaded?.row.labels ?? []);
  const slots = loaded ? editSlots(loaded.type, effective, info) : [];
  const busy = actions.setStatus.isPending || actions.setLabels.isPending || actions.edit.isPending;

  const noticeOf = (message: string, actionId: string) => onNotice({ message, actionId, datasetId });
  const fail = (error: { message: string }) => onNotice({ message: error.message, actionId: null, datasetId });

  const decide = (status: "accepted" | "rejected" | "pending") =>
    actions.setStatus.mutate(
      { datasetId, rowId, status },
      {
        onSuccess: (result) => {
          noticeOf(status === "pending" ? "Reset to pending." : `${status === "accepted" ? "Accepted" : "Rejected"}.`, result.actionId);
          if (advance && status !== "pending" && next) onNavigate(next);
        },
        onError: fail,
      },
    );
  const setLabels = (list: string[]) =>
    actions.setLabels.mutate({ datasetId, rowId, labels: list }, { onSuccess: (result) => noticeOf(list.length ? `Labelled ${list.join(", ")}.` : "Labels cleared.", result.actionId), onError: fail });
  const chooseName = (name: string) => setLabels(chooseLabel(labels, name, info.multiLabel));

  const startEdit = () => {
    setTexts(Object.fromEntries(slots.map((slot) => [slot.key, slot.value])));
    setIssues([]);
    setEditError(null);
    setEditing(true);
  };
  const saveEdit = () => {
    if (!loaded) return;
    const fields = slotsToFields(loaded.type, effective, slots, texts);
    // Checked here first so the reviewer sees the bad field at once; the server checks again.
    const local = validateRowEdit(loaded.type, original, fields, info);
    if (local.issues.length > 0) {
      setIssues(local.issues);
      setEditError(`Not saved: ${describeIssues(local.issues)}.`);
      return;
    }
    actions.edit.mutate(
      { datasetId, rowId, data: fields },
      {
        onSuccess: (result) => {
          setEditing(false);
          noticeOf(result.review?.editedData ? "Edit saved; the original is kept." : "No change from the original: the edit is removed.", result.actionId);
        },
        onError: (error) => {
          setIssues((error.data as { issues?: FieldIssue[] | null } | undefined)?.issues ?? []);
          setEditError(error.message);
        },
      },
    );
  };

  const run = (action: KeyAction) => {
    if (!loaded) return;
    if (action.type === "help") setHelpOpen(true);
    else if (action.type === "next" && next) onNavigate(next);
    else if (action.type === "previous" && previous) onNavigate(previous);
    else if (busy) return;
    else if (action.type === "accept") decide("accepted");
    else if (action.type === "reject") decide("rejected");
    else if (action.type === "edit" && slots.length > 0) startEdit();
    else if (action.type === "save") saveEdit();
    else if (action.type === "cancel") setEditing(false);
    else if (action.type === "label" && info.labels[action.index]) chooseName(info.labels[action.index]!.name);
  };
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    // Any open dialog (these shortcuts, a bulk confirmation) has the keyboard.
    const dialogOpen = helpOpen || document.querySelector('[role="dialog"], [role="alertdialog"]') !== null;
    const labelCount = loaded?.type === "classification" ? Math.min(9, info.labels.length) : 0;
    const action = keyToAction({ key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, inTextField: isTextField(event.target) }, { editing, labelCount, dialogOpen });
    if (!action || event.repeat) return;
    event.preventDefault();
    run(action);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);

  const header = (
    <div className="flex flex-wrap items-center gap-2">
      <h2 className="font-medium" data-testid="focus-position">
        {position.data ? (position.data.position === null ? `Not in this view any more (${formatCount(position.data.total)} rows)` : `Row ${formatCount(position.data.position)} of ${formatCount(position.data.total)}`) : "Row"}
      </h2>
      {review || loaded ? (
        <Badge variant={statusVariant[review?.status ?? "pending"]} data-testid="focus-status">
          {review?.status ?? "pending"}
        </Badge>
      ) : null}
      {loaded && !loaded.row.current ? <Badge variant="warning">earlier version</Badge> : null}
      <div className="ml-auto flex items-center gap-1">
        <Button variant="ghost" size="icon-sm" aria-label="Previous row (← or K)" aria-keyshortcuts="ArrowLeft K" disabled={!previous} onClick={() => previous && onNavigate(previous)} data-testid="focus-previous">
          <ChevronLeft aria-hidden />
        </Button>
        <Button variant="ghost" size="icon-sm" aria-label="Next row (→ or J)" aria-keyshortcuts="ArrowRight J" disabled={!next} onClick={() => next && onNavigate(next)} data-testid="focus-next">
          <ChevronRight aria-hidden />
        </Button>
        <Button variant="ghost" size="icon-sm" aria-label="Keyboard shortcuts (?)" aria-keyshortcuts="?" onClick={() => setHelpOpen(true)} data-testid="focus-shortcuts">
          <Keyboard aria-hidden />
        </Button>
        <Button variant="ghost" size="icon-sm" aria-label="Close the focus view" onClick={() => onNavigate(null)} data-testid="focus-close">
          <X aria-hidden />
        </Button>
      </div>
    </div>
  );

  if (row.isError || dataset.isError) {
    return (
      <>
        {header}
        <ErrorNotice title="Could not load this row" message={(row.error ?? dataset.error)!.message} />
      </>
    );
  }
  if (!loaded) {
    return (
      <>
        {header}
        <Loading label="Loading the row…" />
      </>
    );
  }

  const diffs = review?.editedData ? slotDiffs(loaded.type, original, effective, info) : [];
  return (
    <div className="grid gap-4" data-testid="focus-row" data-row-id={rowId}>
      {header}
      {review?.reviewedAt ? (
        <p className="-mt-2 text-xs text-muted-foreground" data-testid="focus-reviewed">
          Last changed by {review.reviewer ?? "someone"}, {formatDateTime(review.reviewedAt)}
        </p>
      ) : null}
      {editing ? (
        <EditForm
          slots={slots}
          texts={texts}
          onChange={(key, text) => setTexts((current) => ({ ...current, [key]: text }))}
          onSave={saveEdit}
          onCancel={() => setEditing(false)}
          saving={actions.edit.isPending}
          issues={issues}
          error={editError}
        />
      ) : (
        <RowBody display={rowDisplay(loaded.type, effective, { rowId, labels, info })} />
      )}
      {diffs.length > 0 && !editing ? (
        <details open className="rounded-md border border-info/30 bg-info/5 px-3 py-2">
          <summary className="cursor-pointer text-sm font-medium">Edited: changes from the original</summary>
          <div className="grid gap-2 pt-2">
            <DiffView diffs={diffs} />
            <div>
              <Button size="sm" variant="outline" disabled={busy} onClick={() => actions.edit.mutate({ datasetId, rowId, data: null }, { onSuccess: (result) => noticeOf("Edit removed: the row is back to its original.", result.actionId), onError: fail })} data-testid="edit-revert">
                Back to the original
              </Button>
            </div>
          </div>
        </details>
      ) : null}
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Review actions">
        <Button size="sm" variant={review?.status === "accepted" ? "default" : "outline"} aria-keyshortcuts="A" disabled={busy} onClick={() => decide("accepted")} data-testid="focus-accept">
          Accept <kbd className="font-mono text-[10px] opacity-70">A</kbd>
        </Button>
        <Button size="sm" variant={review?.status === "rejected" ? "destructive" : "outline"} aria-keyshortcuts="R" disabled={busy} onClick={() => decide("rejected")} data-testid="focus-reject">
          Reject <kbd className="font-mono text-[10px] opacity-70">R</kbd>
        </Button>
        <Button size="sm" variant="outline" aria-keyshortcuts="E" disabled={busy || editing || slots.length === 0} onClick={startEdit} data-testid="focus-edit-button">
          Edit <kbd className="font-mono text-[10px] opacity-70">E</kbd>
        </Button>
        {review && review.status !== "pending" ? (
          <Button size="sm" variant="ghost" disabled={busy} onClick={() => decide("pending")} data-testid="focus-reset">
            Back to pending
          </Button>
        ) : null}
      </div>
      <LabelPicker options={loaded.type === "classification" ? info.labels : []} current={labels} reviewed={Boolean(review?.labels.length)} onChoose={chooseName} onChange={setLabels} busy={busy} />
      <div className="grid gap-4 sm:grid-cols-[auto_minmax(0,1fr)]">
        <RatingStars rating={review?.rating ?? null} busy={actions.rate.isPending} onRate={(rating) => actions.rate.mutate({ datasetId, rowId, rating }, { onSuccess: (result) => noticeOf(rating ? `Rated ${rating} of 5.` : "Rating cleared.", result.actionId), onError: fail })} />
        <CommentBox comment={review?.comment ?? null} busy={actions.comment.isPending} onSave={(comment) => actions.comment.mutate({ datasetId, rowId, comment }, { onSuccess: (result) => noticeOf(comment ? "Comment saved." : "Comment removed.", result.actionId), onError: fail })} />
      </div>
      <LineagePanel datasetId={datasetId} rowId={rowId} onOpenRow={onNavigate} />
      <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} />
    </div>
  );
}
