"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ExternalLink, Loader2, Upload, Download } from "lucide-react";
import Link from "next/link";
import { useId, useState } from "react";
import { useTRPC } from "@/lib/trpc/client";
import { ErrorNotice } from "@/components/query-state";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ArgillaPullReport, type PullReportView } from "./argilla-pull-report";
import { NativeSelect } from "@/components/ui/native-select";

const when = (value: Date | string | null) => (value ? new Date(value).toLocaleString() : "never");

function PushedDataset({ datasetId, link }: { datasetId: string; link: { id: string; connectionName: string; workspace: string; argillaDatasetName: string; url: string; lastPushAt: Date | string | null; lastPushRecords: number | null; lastPullAt: Date | string | null; lastPullReport: Record<string, unknown> | null } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [overwrite, setOverwrite] = useState(false);
  const pull = useMutation(trpc.argilla.pull.mutationOptions({ onSettled: () => queryClient.invalidateQueries(trpc.argilla.status.pathFilter()) }));
  const overwriteId = useId();
  const report = (pull.data ?? link.lastPullReport) as PullReportView | null;
  return (
    <li className="grid gap-3 rounded-md border p-3" data-testid="argilla-link" data-workspace={link.workspace}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="grid gap-0.5 text-sm">
          <span className="font-medium">
            {link.connectionName} · {link.workspace}/{link.argillaDatasetName}
          </span>
          <span className="text-xs text-muted-foreground">
            Pushed {when(link.lastPushAt)} ({link.lastPushRecords ?? 0} records) · pulled {when(link.lastPullAt)}
          </span>
        </div>
        <div className="flex items-center gap-2">
          <Button variant="outline" size="sm" asChild>
            <a href={link.url} target="_blank" rel="noreferrer noopener" data-testid="argilla-open">
              <ExternalLink aria-hidden /> Open in Argilla
            </a>
          </Button>
          <Button size="sm" data-testid="argilla-pull" disabled={pull.isPending} onClick={() => pull.mutate({ datasetId, linkId: link.id, overwrite })}>
            {pull.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Download aria-hidden />} Pull back
          </Button>
        </div>
      </div>
      <label htmlFor={overwriteId} className="flex items-center gap-2 text-xs text-muted-foreground">
        <input id={overwriteId} type="checkbox" data-testid="argilla-overwrite" checked={overwrite} onChange={(event) => setOverwrite(event.target.checked)} />
        Also overwrite rows reviewed in the app since the last push (conflicts)
      </label>
      {pull.data ? (
        <p className="text-sm" data-testid="argilla-pull-message">
          {pull.data.message}{" "}
          <Link className="underline" href={`/datasets/${datasetId}/review`}>
            Review the rows
          </Link>
        </p>
      ) : null}
      {pull.error ? <ErrorNotice title="Could not pull from Argilla" message={pull.error.message} /> : null}
      {report ? <ArgillaPullReport report={report} /> : null}
    </li>
  );
}

/** Send the rows to an Argilla server for team review, and pull the answers back into the reviews. */
export function ArgillaCard({ datasetId }: { datasetId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const connections = useQuery(trpc.argilla.connections.queryOptions());
  const status = useQuery(trpc.argilla.status.queryOptions({ datasetId }));
  const [chosen, setChosen] = useState<string>("");
  const [workspace, setWorkspace] = useState<string | undefined>(undefined);
  const [argillaDataset, setArgillaDataset] = useState("");
  const connectionId = chosen || connections.data?.[0]?.id || "";
  const connection = connections.data?.find((c) => c.id === connectionId);
  const workspaces = useQuery({ ...trpc.argilla.workspaces.queryOptions({ connectionId }), enabled: Boolean(connectionId), retry: false });
  const push = useMutation(trpc.argilla.push.mutationOptions({ onSettled: () => queryClient.invalidateQueries(trpc.argilla.status.pathFilter()) }));
  const workspaceValue = workspace ?? connection?.workspace ?? "";
  const ids = { connection: useId(), workspace: useId(), list: useId(), dataset: useId(), datasetHint: useId() };

  return (
    <Card data-testid="argilla-card">
      <CardHeader>
        <CardTitle>Argilla</CardTitle>
        <CardDescription>Send the rows to an Argilla server for team review (re-sending updates the same records), then pull the answers back into the reviews.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {connections.isError ? <ErrorNotice title="Could not load the Argilla connections" message={connections.error.message} /> : null}
        {connections.data && connections.data.length === 0 ? (
          <p className="text-sm text-muted-foreground" data-testid="argilla-no-connection">
            No Argilla connection yet. Add one under{" "}
            <Link className="underline" href="/settings/connections">
              Settings → Connections
            </Link>
            .
          </p>
        ) : null}
        {connections.data && connections.data.length > 0 ? (
          <form
            className="flex flex-wrap items-end gap-3"
            onSubmit={(event) => {
              event.preventDefault();
              push.mutate({ datasetId, connectionId, workspace: workspaceValue.trim() || undefined, argillaDataset: argillaDataset.trim() || undefined });
            }}
          >
            <div className="grid gap-1.5">
              <Label htmlFor={ids.connection}>Connection</Label>
              <NativeSelect id={ids.connection} data-testid="argilla-connection" value={connectionId} onChange={(event) => setChosen(event.target.value)}>
                {connections.data.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({c.url})
                  </option>
                ))}
              </NativeSelect>
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor={ids.workspace}>Workspace</Label>
              <Input id={ids.workspace} data-testid="argilla-workspace" className="w-56" list={ids.list} value={workspaceValue} placeholder="datafast-review" onChange={(event) => setWorkspace(event.target.value)} />
              <datalist id={ids.list}>
                {(workspaces.data?.workspaces ?? []).map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor={ids.dataset}>Argilla dataset (optional)</Label>
              <Input
                id={ids.dataset}
                data-testid="argilla-dataset-name"
                className="w-64"
                maxLength={200}
                value={argillaDataset}
                placeholder="the one pushed before"
                aria-describedby={ids.datasetHint}
                onChange={(event) => setArgillaDataset(event.target.value)}
              />
              <span id={ids.datasetHint} className="sr-only">
                A new name pushes to a new Argilla dataset, for when the design&apos;s labels changed after the first push.
              </span>
            </div>
            <Button type="submit" data-testid="argilla-push" disabled={push.isPending || !connectionId}>
              {push.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Upload aria-hidden />} Push to Argilla
            </Button>
          </form>
        ) : null}
        {workspaces.isError ? <p className="text-xs text-destructive">{workspaces.error.message}</p> : null}
        {push.data ? (
          <p className="text-sm" data-testid="argilla-push-result">
            {push.data.message}{" "}
            <a className="underline" href={push.data.url} target="_blank" rel="noreferrer noopener">
              Open in Argilla
            </a>
          </p>
        ) : null}
        {push.error ? <ErrorNotice title="Could not push to Argilla" message={push.error.message} /> : null}
        {status.data && status.data.links.length > 0 ? (
          <ul className="grid gap-3" data-testid="argilla-links">
            {status.data.links.map((link) => (
              <PushedDataset key={link.id} datasetId={datasetId} link={link} />
            ))}
          </ul>
        ) : null}
      </CardContent>
    </Card>
  );
}
