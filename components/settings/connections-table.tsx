"use client";

import { KeyRound, Pencil } from "lucide-react";
import { kindInfo } from "@/lib/connections/schema";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHeadings, TableRow } from "@/components/ui/table";
import { describeLimits, type Connection } from "./connection-draft";
import { DeleteConnectionButton } from "./delete-connection-button";
import { TestConnectionButton, TestStatus, useConnectionTest } from "./test-connection-button";

function KeyCell({ connection }: { connection: Connection }) {
  if (connection.apiKey.set) {
    return (
      <span className="flex flex-col gap-0.5">
        <code className="font-mono text-xs" data-testid="connection-key-preview">{connection.apiKey.preview}</code>
        {!connection.apiKey.readable ? <span className="text-xs text-destructive">cannot be decrypted: re-enter it</span> : null}
      </span>
    );
  }
  if (connection.apiKeyEnv) {
    return (
      <span className="flex items-center gap-1 text-xs text-muted-foreground" title="Read from this server environment variable">
        <KeyRound className="size-3.5" aria-hidden />
        <code className="font-mono">${connection.apiKeyEnv}</code>
      </span>
    );
  }
  return <span className="text-xs text-muted-foreground">none</span>;
}

function ConnectionRow({ connection, onEdit }: { connection: Connection; onEdit?: (connection: Connection) => void }) {
  const test = useConnectionTest(connection);
  const limits = describeLimits(connection);
  return (
    <TableRow data-testid="connection-row" data-name={connection.name}>
      <TableCell className="font-medium">
        <span className="font-mono text-sm break-all">{connection.name}</span>
        {!connection.structuredOutputs ? <span className="block text-xs text-muted-foreground">structured outputs off</span> : null}
      </TableCell>
      <TableCell>
        <Badge variant="outline">{kindInfo[connection.kind].label}</Badge>
      </TableCell>
      <TableCell className="max-w-56 font-mono text-xs break-all">
        {connection.baseUrl ?? <span className="text-muted-foreground">{connection.defaultBaseUrl} (default)</span>}
      </TableCell>
      <TableCell>
        <KeyCell connection={connection} />
      </TableCell>
      <TableCell className="text-xs whitespace-nowrap">{limits ?? <span className="text-muted-foreground">none</span>}</TableCell>
      <TableCell>
        <TestStatus outcome={test.outcome} pending={test.pending} />
      </TableCell>
      <TableCell>
        <div className="flex items-center justify-end gap-1">
          <TestConnectionButton pending={test.pending} onClick={test.run} />
          {onEdit ? (
            <Button variant="ghost" size="icon-sm" aria-label={`Edit ${connection.name}`} data-testid="connection-edit" onClick={() => onEdit(connection)}>
              <Pencil aria-hidden />
            </Button>
          ) : null}
          <DeleteConnectionButton connection={connection} />
        </div>
      </TableCell>
    </TableRow>
  );
}

/** `onEdit` absent = read-only rows (implicit connections from design files). */
export function ConnectionsTable({ connections, onEdit, testId }: { connections: Connection[]; onEdit?: (connection: Connection) => void; testId: string }) {
  return (
    <Table data-testid={testId}>
      <TableHeadings headings={["Name", "Provider", "Base URL", "Key", "Limits", "Last test"]} actions />
      <TableBody>
        {connections.map((connection) => (
          <ConnectionRow key={connection.id} connection={connection} onEdit={onEdit} />
        ))}
      </TableBody>
    </Table>
  );
}
