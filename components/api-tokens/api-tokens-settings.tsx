"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/auth/auth-card";
import { OneTimeSecret } from "@/components/auth/one-time-secret";
import { formText } from "@/components/auth/password-fields";
import { useViewer } from "@/components/auth/viewer-context";
import { PageHeader } from "@/components/page-header";
import { ErrorNotice, Loading } from "@/components/query-state";
import { NativeSelect } from "@/components/ui/native-select";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHeadings, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/components/format";
import { hasRole, roles, type Role } from "@/lib/auth/roles";
import { useTRPC } from "@/lib/trpc/client";

export function ApiTokensSettings() {
  const trpc = useTRPC();
  const viewer = useViewer();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.apiTokens.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiTokens.list.queryKey() });
  const create = useMutation(trpc.apiTokens.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.apiTokens.revoke.mutationOptions({ onSuccess: refresh }));
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const allowed = roles.filter((role) => viewer && hasRole(viewer.role, role));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setSecret(null);
    try {
      const created = await create.mutateAsync({ name: formText(form, "token-name"), role: formText(form, "token-role") as Role });
      setSecret(created.secret);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }

  return (
    <div className="grid gap-6">
      <PageHeader title="API tokens" description="For the CLI and scripts: send one as Authorization: Bearer <token>. A token acts as you, with at most the role you give it." />
      <Card>
        <CardHeader>
          <CardTitle>New token</CardTitle>
          <CardDescription>The token is shown once. Only a hash is stored, so a lost token cannot be recovered: revoke it and create another.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <form onSubmit={submit} className="flex flex-wrap items-end gap-3" data-testid="token-form">
            <div className="grid min-w-64 flex-1 gap-2">
              <Label htmlFor="token-name">Name</Label>
              <Input id="token-name" name="token-name" placeholder="laptop CLI" required data-testid="token-name" />
            </div>
            <div className="grid w-40 gap-2">
              <Label htmlFor="token-role">Role</Label>
              <NativeSelect id="token-role" name="token-role" defaultValue={viewer?.role} data-testid="token-role">
                {allowed.map((role) => (
                  <option key={role} value={role}>
                    {role}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <Button type="submit" disabled={create.isPending} data-testid="create-token">
              Create token
            </Button>
          </form>
          <FormError message={error} />
          {secret ? <OneTimeSecret label="API token" value={secret} testId="new-token" /> : null}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Your tokens</CardTitle>
        </CardHeader>
        <CardContent>
          {tokens.isPending ? <Loading /> : tokens.isError ? <ErrorNotice message={tokens.error.message} /> : (
            <Table data-testid="tokens-table">
              <TableHeadings headings={["Name", "Role", "Ends in", "Created", "Last used"]} actions />
              <TableBody>
                {tokens.data.map((token) => (
                  <TableRow key={token.id} data-testid="token-row">
                    <TableCell>{token.name}</TableCell>
                    <TableCell>{token.role}</TableCell>
                    <TableCell className="font-mono">…{token.lastFour}</TableCell>
                    <TableCell>{formatDateTime(token.createdAt)}</TableCell>
                    <TableCell>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "never"}</TableCell>
                    <TableCell className="text-right">
                      {token.revokedAt ? <Badge variant="outline">revoked</Badge> : (
                        <Button variant="outline" size="sm" onClick={() => revoke.mutate({ id: token.id })}>
                          Revoke
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
