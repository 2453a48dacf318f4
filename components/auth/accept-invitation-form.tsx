"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Loading } from "@/components/query-state";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/lib/trpc/client";
import { AuthCard, FormError } from "./auth-card";
import { Field, formText, NewPasswordField } from "./password-fields";
import { signInWithPassword } from "./sign-in";

export function AcceptInvitationForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const invitation = useQuery(trpc.account.invitation.queryOptions({ token }, { retry: false }));
  const accept = useMutation(trpc.account.acceptInvitation.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  if (invitation.isPending) return <Loading label="Checking the invitation…" />;
  if (invitation.isError) {
    return (
      <AuthCard title="Invitation not usable">
        <FormError message={invitation.error.message} />
      </AuthCard>
    );
  }
  const { email, role, invitedBy } = invitation.data;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = formText(form, "password");
    setError(null);
    try {
      await accept.mutateAsync({ token, name: formText(form, "name"), password });
    } catch (caught) {
      setError((caught as Error).message);
      return;
    }
    const signedIn = await signInWithPassword(email, password);
    if (signedIn.ok) window.location.assign("/datasets");
    else setError(`Your account was created, but signing in failed: ${signedIn.message}`);
  }

  return (
    <AuthCard title="Join datafast" description={`${invitedBy} invited ${email} to join with the ${role} role.`}>
      <form method="post" onSubmit={submit} className="grid gap-4" data-testid="invitation-form">
        <Field name="email" label="Email" type="email" defaultValue={email} readOnly autoComplete="username" />
        <Field name="name" label="Your name" autoComplete="name" />
        <NewPasswordField />
        <FormError message={error} />
        <Button type="submit" disabled={accept.isPending} data-testid="accept-invitation">
          {accept.isPending ? "Joining…" : "Join and sign in"}
        </Button>
      </form>
    </AuthCard>
  );
}
