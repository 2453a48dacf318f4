"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Loading } from "@/components/query-state";
import { Button } from "@/components/ui/button";
import { MIN_PASSWORD_LENGTH, resetPasswordSchema } from "@/lib/auth/account-schemas";
import { useTRPC } from "@/lib/trpc/client";
import { AuthCard, FormError } from "./auth-card";
import { Field, formText } from "./password-fields";
import { PasswordInput } from "./password-input";
import { signInWithPassword } from "./sign-in";
import { useCheckedSubmit } from "./use-checked-submit";

/** An owner's one-time link: set a new password (every session of the account ends), then sign in with it. */
export function ResetPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const reset = useQuery(trpc.account.passwordReset.queryOptions({ token }, { retry: false }));
  const change = useMutation(trpc.account.resetPassword.mutationOptions());
  const { fields, error, setError, submit: send } = useCheckedSubmit(resetPasswordSchema, (input) => change.mutateAsync(input));

  if (reset.isPending) return <Loading label="Checking the link…" />;
  if (reset.isError) {
    return (
      <AuthCard title="Link not usable">
        <FormError message={reset.error.message} />
      </AuthCard>
    );
  }
  const { email, name, createdBy } = reset.data;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const sent = await send({ token, password: formText(form, "password"), confirmPassword: formText(form, "confirm-password") });
    if (!sent) return;
    const signedIn = await signInWithPassword(email, sent.password);
    if (signedIn.ok) window.location.assign("/datasets");
    else setError(`Your password was changed, but signing in failed: ${signedIn.message}`);
  }

  return (
    <AuthCard title="Set a new password" description={`${createdBy} created this link for ${name} (${email}). It works once; every session of this account is signed out and its API tokens are revoked.`}>
      <form method="post" onSubmit={submit} noValidate className="grid gap-4" data-testid="reset-password-form">
        <Field name="email" label="Email" type="email" defaultValue={email} readOnly autoComplete="username" />
        <PasswordInput name="password" label="New password" autoComplete="new-password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`} error={fields.password} />
        <PasswordInput name="confirm-password" label="New password again" autoComplete="new-password" error={fields.confirmPassword} />
        <FormError message={error ?? fields.token ?? null} />
        <Button type="submit" disabled={change.isPending} data-testid="reset-password">
          {change.isPending ? "Saving…" : "Set password and sign in"}
        </Button>
      </form>
    </AuthCard>
  );
}
