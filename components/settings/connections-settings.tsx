"use client";

import { useQuery } from "@tanstack/react-query";
import { Plug, Plus } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc/client";
import { PageHeader } from "@/components/page-header";
import { EmptyState, ErrorNotice, Loading } from "@/components/query-state";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import type { Connection } from "./connection-draft";
import { ConnectionForm } from "./connection-form";
import { ConnectionsTable } from "./connections-table";

/** Closed, adding a new connection, or editing one. */
type Editing = { mode: "closed" } | { mode: "create" } | { mode: "edit"; connection: Connection };

export function ConnectionsSettings() {
  const trpc = useTRPC();
  const connections = useQuery(trpc.connections.list.queryOptions());
  const [editing, setEditing] = useState<Editing>({ mode: "closed" });
  const close = () => setEditing({ mode: "closed" });

  const addButton = (
    <Button data-testid="add-connection" onClick={() => setEditing({ mode: "create" })}>
      <Plus aria-hidden /> Add connection
    </Button>
  );

  let body;
  if (connections.isPending) body = <Loading label="Loading connections…" />;
  else if (connections.isError) body = <ErrorNotice title="Could not load the connections" message={connections.error.message} />;
  else {
    const named = connections.data.filter((connection) => !connection.implicit);
    const implicit = connections.data.filter((connection) => connection.implicit);
    body = (
      <div className="grid gap-8">
        {named.length === 0 ? (
          <EmptyState
            icon={<Plug />}
            title="No connections yet"
            description='Add an account (OpenAI, Anthropic, Google, Mistral, OpenRouter, Ollama or any OpenAI-compatible server) once with "Add connection", then use it in designs as "connection": "<name>".'
          />
        ) : (
          <Card className="overflow-hidden">
            <ConnectionsTable connections={named} onEdit={(connection) => setEditing({ mode: "edit", connection })} testId="connections-table" />
          </Card>
        )}
        {implicit.length > 0 ? (
          <Card className="overflow-hidden" data-testid="implicit-connections">
            <CardHeader className="pb-3">
              <CardTitle>From design files</CardTitle>
              <CardDescription>Created for models described inline in a design (provider, base URL, key variable). Change them in the design; here you can test or delete them.</CardDescription>
            </CardHeader>
            <ConnectionsTable connections={implicit} testId="implicit-connections-table" />
          </Card>
        ) : null}
      </div>
    );
  }

  return (
    <>
      <PageHeader eyebrow="Settings" title="Provider connections" description="One connection per account: provider, endpoint, API key and rate limits, shared by every run that uses it." actions={addButton} />
      {body}
      <Dialog
        open={editing.mode !== "closed"}
        onOpenChange={(open) => (open ? undefined : close())}
        title={editing.mode === "edit" ? `Edit "${editing.connection.name}"` : "Add connection"}
        description="The API key is stored encrypted on the server and never sent back to the browser."
        className="max-w-2xl"
        testId="connection-dialog"
      >
        {editing.mode === "closed" ? null : <ConnectionForm key={editing.mode === "edit" ? editing.connection.id : "new"} connection={editing.mode === "edit" ? editing.connection : undefined} onDone={close} />}
      </Dialog>
    </>
  );
}
