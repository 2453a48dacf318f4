"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/auth/auth-card";
import { formText } from "@/components/auth/password-fields";
import { PasswordInput } from "@/components/auth/password-input";
import { useCheckedSubmit } from "@/components/auth/use-checked-submit";
import { Button } from "@/components/ui/button";
import { changePasswordSchema, MIN_PASSWORD_LENGTH } from "@/lib/auth/account-schemas";
import { useTRPC } from "@/lib/trpc/client";

/** Your own password. On success every other session is signed out; this browser gets a new session cookie and stays signed in. */
export function ChangePasswordForm({ email }: { email: string }) {
  const trpc = useTRPC();
  const change = useMutation(trpc.account.changePassword.mutationOptions());
  const { fields, error, submit: send } = useCheckedSubmit(changePasswordSchema, (input) => change.mutateAsync(input));
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setDone(false);
    const sent = await send({
      currentPassword: formText(form, "current-password"),
      newPassword: formText(form, "new-password"),
      confirmPassword: formText(form, "confirm-password"),
    });
    if (!sent) return;
    formElement.reset();
    setDone(true);
  }

  return (
    <form method="post" onSubmit={submit} noValidate className="grid max-w-md gap-4" data-testid="change-password-form">
      {/* For password managers: which account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" defaultValue={email} readOnly hidden />
      <PasswordInput name="current-password" label="Current password" autoComplete="current-password" error={fields.currentPassword} />
      <PasswordInput name="new-password" label="New password" autoComplete="new-password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`} error={fields.newPassword} />
      <PasswordInput name="confirm-password" label="New password again" autoComplete="new-password" error={fields.confirmPassword} />
      <FormError message={error} />
      {done ? (
        <p role="status" className="rounded-md border border-success/40 bg-success/10 px-3 py-2 text-sm" data-testid="password-changed">
          Password changed. Every other session was signed out; you stay signed in here.
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={change.isPending} data-testid="change-password">
          {change.isPending ? "Changing…" : "Change password"}
        </Button>
      </div>
    </form>
  );
}
