"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CloudUpload, Pencil, Plus } from "lucide-react";
import { useState } from "react";
import { integrationKindInfo } from "@/lib/integrations/schema";
import { useTRPC } from "@/lib/trpc/client";
import { ConfirmDeleteButton } from "@/components/confirm-delete-button";
import { EmptyState, ErrorNotice, Loading } from "@/components/query-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { Table, TableBody, TableCell, TableHeadings, TableRow } from "@/components/ui/table";
import { IntegrationForm, type Integration } from "./integration-form";
import { TestConnectionButton, TestStatus } from "./test-connection-button";

type Editing = { mode: "closed" } | { mode: "create" } | { mode: "edit"; integration: Integration };

function IntegrationRow({ integration, onEdit }: { integration: Integration; onEdit: (integration: Integration) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invalidate = () => queryClient.invalidateQueries(trpc.integrations.list.pathFilter());
  const test = useMutation(trpc.integrations.test.mutationOptions({ onSettled: invalidate }));
  const remove = useMutation(trpc.integrations.delete.mutationOptions());
  const outcome = test.data ? { ok: test.data.ok, message: test.data.message, at: test.data.testedAt } : test.error ? { ok: false, message: test.error.message, at: new Date() } : integration.lastTest;
  const scope = integration.kind === "hub" ? integration.owner : integration.workspace;
  return (
    <TableRow data-testid="integration-row" data-name={integration.name}>
      <TableCell className="font-mono text-sm break-all">{integration.name}</TableCell>
      <TableCell>
        <Badge variant="outline">{integrationKindInfo[integration.kind].label}</Badge>
      </TableCell>
      <TableCell className="max-w-56 font-mono text-xs break-all">{integration.url}</TableCell>
      <TableCell className="font-mono text-xs">{scope ?? <span className="text-muted-foreground">—</span>}</TableCell>
      <TableCell>
        <span className="flex flex-col gap-0.5">
          <code className="font-mono text-xs" data-testid="integration-token-preview">{integration.token.preview}</code>
          {!integration.token.readable ? <span className="text-xs text-destructive">cannot be decrypted: re-enter it</span> : null}
        </span>
      </TableCell>
      <TableCell>
        <TestStatus outcome={outcome} pending={test.isPending} />
      </TableCell>
      <TableCell>
        <div className="flex items-center justify-end gap-1">
          <TestConnectionButton pending={test.isPending} onClick={() => test.mutate({ id: integration.id })} />
          <Button variant="ghost" size="icon-sm" aria-label={`Edit ${integration.name}`} data-testid="integration-edit" onClick={() => onEdit(integration)}>
            <Pencil aria-hidden />
          </Button>
          <ConfirmDeleteButton
            label={`Delete ${integration.name}`}
            title={`Delete connection "${integration.name}"?`}
            description="Its token is deleted. Past Hub pushes keep their repo and commit links."
            errorTitle="Could not delete the connection"
            testId="integration-delete"
            onConfirm={async () => {
              await remove.mutateAsync({ id: integration.id });
              await invalidate();
            }}
          />
        </div>
      </TableCell>
    </TableRow>
  );
}

/** Hugging Face Hub and Argilla accounts that exports push to. */
export function IntegrationsSection() {
  const trpc = useTRPC();
  const integrations = useQuery(trpc.integrations.list.queryOptions());
  const [editing, setEditing] = useState<Editing>({ mode: "closed" });
  const close = () => setEditing({ mode: "closed" });

  let body;
  if (integrations.isPending) body = <Loading label="Loading export connections…" />;
  else if (integrations.isError) body = <ErrorNotice title="Could not load the export connections" message={integrations.error.message} />;
  else if (integrations.data.length === 0) {
    body = <EmptyState icon={<CloudUpload />} title="No export connections yet" description="Add a Hugging Face Hub token to push datasets to the Hub, or an Argilla server to send rows for team review." />;
  } else {
    body = (
      <Table data-testid="integrations-table">
        <TableHeadings headings={["Name", "Service", "URL", "Owner / workspace", "Token", "Last test"]} actions />
        <TableBody>
          {integrations.data.map((integration) => (
            <IntegrationRow key={integration.id} integration={integration} onEdit={(item) => setEditing({ mode: "edit", integration: item })} />
          ))}
        </TableBody>
      </Table>
    );
  }

  return (
    <Card className="overflow-hidden" data-testid="integrations-section">
      <CardHeader className="flex flex-row items-start justify-between gap-4 pb-3">
        <div className="grid gap-1">
          <CardTitle>Export connections</CardTitle>
          <CardDescription>Hugging Face Hub and Argilla accounts. Tokens are stored encrypted on the server and never sent back to the browser.</CardDescription>
        </div>
        <Button variant="outline" data-testid="add-integration" onClick={() => setEditing({ mode: "create" })}>
          <Plus aria-hidden /> Add export connection
        </Button>
      </CardHeader>
      {body}
      <Dialog
        open={editing.mode !== "closed"}
        onOpenChange={(open) => (open ? undefined : close())}
        title={editing.mode === "edit" ? `Edit "${editing.integration.name}"` : "Add export connection"}
        description="The token is stored encrypted on the server and never sent back to the browser."
        className="max-w-xl"
        testId="integration-dialog"
      >
        {editing.mode === "closed" ? null : <IntegrationForm key={editing.mode === "edit" ? editing.integration.id : "new"} integration={editing.mode === "edit" ? editing.integration : undefined} onDone={close} />}
      </Dialog>
    </Card>
  );
}
