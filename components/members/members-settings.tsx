"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { FormError } from "@/components/auth/auth-card";
import { OneTimeSecret } from "@/components/auth/one-time-secret";
import { useViewer } from "@/components/auth/viewer-context";
import { PageHeader } from "@/components/page-header";
import { ErrorNotice, Loading } from "@/components/query-state";
import { NativeSelect } from "@/components/ui/native-select";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHeadings, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/components/format";
import { roleDescriptions, roles, type Role } from "@/lib/auth/roles";
import { useTRPC } from "@/lib/trpc/client";
import { InviteForm } from "./invite-form";

export function MembersSettings() {
  const trpc = useTRPC();
  const viewer = useViewer();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.members.list.queryOptions());
  const invitations = useQuery(trpc.members.invitations.queryOptions());
  const [error, setError] = useState<string | null>(null);
  const refresh = () => {
    setError(null);
    return queryClient.invalidateQueries({ queryKey: trpc.members.pathKey() });
  };
  const onError = (caught: { message: string }) => setError(caught.message);
  const changeRole = useMutation(trpc.members.changeRole.mutationOptions({ onSuccess: refresh, onError }));
  const remove = useMutation(trpc.members.remove.mutationOptions({ onSuccess: refresh, onError }));
  const revoke = useMutation(trpc.members.revokeInvitation.mutationOptions({ onSuccess: refresh, onError }));
  const [resetLink, setResetLink] = useState<{ email: string; link: string } | null>(null);
  const createReset = useMutation(
    trpc.members.createPasswordReset.mutationOptions({
      onMutate: () => {
        setError(null);
        setResetLink(null);
      },
      onSuccess: (created) => setResetLink({ email: created.member.email, link: `${window.location.origin}${created.path}` }),
      onError,
    }),
  );

  return (
    <div className="grid gap-6">
      <PageHeader title="Members" description="Who can sign in, and what each may do. The last owner cannot be demoted or removed. A member who forgot their password gets a reset link from you." />
      <dl className="grid gap-1 text-sm text-muted-foreground">
        {roles.map((role) => (
          <div key={role} className="flex gap-2">
            <dt className="w-24 font-medium text-foreground">{role}</dt>
            <dd>{roleDescriptions[role]}</dd>
          </div>
        ))}
      </dl>
      <FormError message={error} />
      <Card>
        <CardHeader>
          <CardTitle>Members</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          {resetLink ? <OneTimeSecret label={`Password reset link for ${resetLink.email} (valid 1 hour, works once, signs them out everywhere and revokes their API tokens)`} value={resetLink.link} testId="password-reset-link" /> : null}
          {members.isPending ? <Loading /> : members.isError ? <ErrorNotice message={members.error.message} /> : (
            <Table data-testid="members-table">
              <TableHeadings headings={["Name", "Email", "Role", "Since"]} actions />
              <TableBody>
                {members.data.map((member) => (
                  <TableRow key={member.id} data-testid="member-row">
                    <TableCell>{member.name}</TableCell>
                    <TableCell>{member.email}</TableCell>
                    <TableCell>
                      <NativeSelect aria-label={`Role of ${member.email}`} value={member.role} onChange={(event) => changeRole.mutate({ userId: member.id, role: event.target.value as Role })} className="w-32">
                        {roles.map((role) => (
                          <option key={role} value={role}>
                            {role}
                          </option>
                        ))}
                      </NativeSelect>
                    </TableCell>
                    <TableCell>{formatDateTime(member.createdAt)}</TableCell>
                    <TableCell className="text-right">
                      {member.id === viewer?.id ? <span className="text-xs text-muted-foreground">you</span> : (
                        <div className="flex justify-end gap-2">
                          <Button variant="outline" size="sm" onClick={() => createReset.mutate({ userId: member.id })} disabled={createReset.isPending} data-testid="reset-member-password">
                            Reset password
                          </Button>
                          <Button variant="outline" size="sm" onClick={() => remove.mutate({ userId: member.id })}>
                            Remove
                          </Button>
                        </div>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Invitations</CardTitle>
          <CardDescription>An invitation is a link for one email and role. Send it yourself (chat, email); it works once and expires after 7 days.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <InviteForm />
          {invitations.data && invitations.data.length > 0 ? (
            <ul className="grid gap-2 text-sm" data-testid="open-invitations">
              {invitations.data.map((invitation) => (
                <li key={invitation.id} className="flex items-center gap-3">
                  <span className="flex-1">
                    {invitation.email} · {invitation.role} · expires {formatDateTime(invitation.expiresAt)}
                  </span>
                  <Button variant="outline" size="sm" onClick={() => revoke.mutate({ id: invitation.id })}>
                    Revoke
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
        </CardContent>
      </Card>
    </div>
  );
}
