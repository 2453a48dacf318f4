"use client";

// Push the dataset to a Hugging Face Hub dataset repo: Parquet per split under
// data/ and a README dataset card, in one atomic commit. Recent pushes are
// listed below the form, refreshed while one is running.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CloudUpload, Loader2 } from "lucide-react";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { exportRowSetLabels, exportRowSets, type ExportRowSet } from "@/lib/exports/export-options";
import { hubLicenses, hubPushOptionsSchema, type HubLicense } from "@/lib/exports/hub-options";
import { useTRPC } from "@/lib/trpc/client";
import { NativeSelect } from "@/components/ui/native-select";
import { ErrorNotice } from "@/components/query-state";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { HubPushesList } from "./hub-pushes-list";


export function HubPushCard({ datasetId }: { datasetId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const connections = useQuery(trpc.integrations.list.queryOptions({ kind: "hub" }));
  const [connectionId, setConnectionId] = useState("");
  const [repoId, setRepoId] = useState("");
  const [isPrivate, setPrivate] = useState(true);
  const [rows, setRows] = useState<ExportRowSet>("all");
  const [splitOn, setSplitOn] = useState(false);
  const [testShare, setTestShare] = useState("0.1");
  const [license, setLicense] = useState<HubLicense>("unknown");
  const [commitMessage, setCommitMessage] = useState("");
  const [attempted, setAttempted] = useState(false);

  const push = useMutation(trpc.hub.push.mutationOptions({ onSettled: () => queryClient.invalidateQueries(trpc.hub.pushes.queryFilter({ datasetId })) }));
  const pushes = useQuery(trpc.hub.pushes.queryOptions({ datasetId }, { refetchInterval: (query) => (push.isPending || query.state.data?.some((item) => item.status === "running") ? 2000 : false) }));

  const chosen = connectionId || connections.data?.[0]?.id || "";
  const parsed = hubPushOptionsSchema.safeParse({ connectionId: chosen, repoId, private: isPrivate, rows, testShare: splitOn ? Number(testShare) : 0, license, commitMessage });
  const issues = attempted && !parsed.success ? parsed.error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`) : [];

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (parsed.success) push.mutate({ datasetId, ...parsed.data });
  }

  const noConnection = connections.isSuccess && connections.data.length === 0;
  return (
    <Card data-testid="hub-push-card">
      <CardHeader>
        <CardTitle>Hugging Face Hub</CardTitle>
        <CardDescription>Push the rows as Parquet (one file per split under data/) with a README dataset card, in one commit. Pushing again overwrites the same files.</CardDescription>
      </CardHeader>
      <form onSubmit={submit} noValidate>
        <CardContent className="grid gap-5 sm:grid-cols-2">
          {noConnection ? (
            <p className="text-sm text-muted-foreground sm:col-span-2" data-testid="hub-no-connection">
              No Hub connection yet: add your access token under{" "}
              <Link href="/settings/connections" className="underline underline-offset-2">
                Settings → Connections
              </Link>
              .
            </p>
          ) : (
            <div className="grid gap-1.5">
              <Label htmlFor="hub-connection">Connection</Label>
              <NativeSelect id="hub-connection" data-testid="hub-connection" value={chosen} onChange={(event) => setConnectionId(event.target.value)}>
                {(connections.data ?? []).map((connection) => (
                  <option key={connection.id} value={connection.id}>
                    {connection.name} ({connection.url.replace(/^https?:\/\//, "")})
                  </option>
                ))}
              </NativeSelect>
            </div>
          )}
          <div className="grid gap-1.5">
            <Label htmlFor="hub-repo-id">Dataset repo</Label>
            <Input id="hub-repo-id" data-testid="hub-repo-id" className="font-mono" autoComplete="off" placeholder="my-org/support-intents" value={repoId} onChange={(event) => setRepoId(event.target.value)} />
            <p className="text-xs text-muted-foreground">owner/name; without an owner, the connection&apos;s default owner or your account. Created if missing.</p>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="hub-rows">Rows</Label>
            <NativeSelect id="hub-rows" data-testid="hub-rows" value={rows} onChange={(event) => setRows(event.target.value as ExportRowSet)}>
              {exportRowSets.map((name) => <option key={name} value={name}>{exportRowSetLabels[name]}</option>)}
            </NativeSelect>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="hub-license">License</Label>
            <NativeSelect id="hub-license" data-testid="hub-license" value={license} onChange={(event) => setLicense(event.target.value as HubLicense)}>
              {hubLicenses.map((name) => <option key={name} value={name}>{name}</option>)}
            </NativeSelect>
          </div>
          <div className="grid content-start gap-2">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" data-testid="hub-private" checked={isPrivate} onChange={(event) => setPrivate(event.target.checked)} />
              Private repo (applies when the repo is created)
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" data-testid="hub-split" checked={splitOn} onChange={(event) => setSplitOn(event.target.checked)} />
              Seeded test split
            </label>
            {splitOn ? (
              <div className="flex items-center gap-2 text-sm">
                <Label htmlFor="hub-test-share">Test share</Label>
                <Input id="hub-test-share" data-testid="hub-test-share" type="number" min={0.01} max={0.9} step={0.05} className="w-24" value={testShare} onChange={(event) => setTestShare(event.target.value)} />
              </div>
            ) : null}
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="hub-commit-message">Commit message</Label>
            <Input id="hub-commit-message" data-testid="hub-commit-message" placeholder="Upload rows with datafast" value={commitMessage} onChange={(event) => setCommitMessage(event.target.value)} />
          </div>
          {issues.length > 0 ? (
            <ul className="grid gap-0.5 text-xs text-destructive sm:col-span-2" data-testid="hub-push-issues">
              {issues.map((issue) => <li key={issue}>{issue}</li>)}
            </ul>
          ) : null}
          {push.isError ? (
            <div className="sm:col-span-2" data-testid="hub-push-failed">
              <ErrorNotice title="The push failed" message={push.error.message} />
            </div>
          ) : null}
        </CardContent>
        <CardFooter className="flex justify-end">
          <Button type="submit" data-testid="hub-push" disabled={push.isPending || noConnection}>
            {push.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <CloudUpload aria-hidden />}
            {push.isPending ? "Pushing…" : "Push to the Hub"}
          </Button>
        </CardFooter>
      </form>
      <CardContent className="grid gap-2 border-t pt-4">
        <h3 className="text-sm font-medium">Recent pushes</h3>
        {pushes.isError ? <ErrorNotice title="Could not load the pushes" message={pushes.error.message} /> : <HubPushesList pushes={pushes.data ?? []} />}
      </CardContent>
    </Card>
  );
}
