"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/auth/auth-card";
import { OneTimeSecret } from "@/components/auth/one-time-secret";
import { formText } from "@/components/auth/password-fields";
import { NativeSelect } from "@/components/ui/native-select";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { roles, type Role } from "@/lib/auth/roles";
import { useTRPC } from "@/lib/trpc/client";

export function InviteForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invite = useMutation(trpc.members.invite.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.members.invitations.queryKey() }) }));
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setLink(null);
    try {
      const created = await invite.mutateAsync({ email: formText(form, "invite-email"), role: formText(form, "invite-role") as Role });
      setLink(`${window.location.origin}${created.path}`);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }

  return (
    <div className="grid gap-4">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" data-testid="invite-form">
        <div className="grid min-w-64 flex-1 gap-2">
          <Label htmlFor="invite-email">Email</Label>
          <Input id="invite-email" name="invite-email" type="email" required data-testid="invite-email" />
        </div>
        <div className="grid w-40 gap-2">
          <Label htmlFor="invite-role">Role</Label>
          <NativeSelect id="invite-role" name="invite-role" defaultValue="annotator" data-testid="invite-role">
            {roles.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </NativeSelect>
        </div>
        <Button type="submit" disabled={invite.isPending} data-testid="send-invite">
          Create invitation link
        </Button>
      </form>
      <FormError message={error} />
      {link ? <OneTimeSecret label="Invitation link (valid 7 days, works once)" value={link} testId="invitation-link" /> : null}
    </div>
  );
}
