"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { AuthCard, FormError } from "./auth-card";
import { Field, formText } from "./password-fields";
import { signInWithPassword } from "./sign-in";

export function LoginForm() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signInWithPassword(formText(form, "email"), formText(form, "password"));
    if (result.ok) {
      window.location.assign("/datasets");
      return;
    }
    setError(result.message);
    setPending(false);
  }

  return (
    <AuthCard title="Sign in" description="New here? Ask an owner of this datafast for an invitation link.">
      <form method="post" onSubmit={submit} className="grid gap-4" data-testid="login-form">
        <Field name="email" label="Email" type="email" autoComplete="username" />
        <Field name="password" label="Password" type="password" autoComplete="current-password" />
        <FormError message={error} />
        <Button type="submit" disabled={pending} data-testid="sign-in">
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
    </AuthCard>
  );
}
