"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/lib/trpc/client";
import { AuthCard, FormError } from "./auth-card";
import { Field, formText, NewPasswordField } from "./password-fields";
import { signInWithPassword } from "./sign-in";

export function SetupForm() {
  const trpc = useTRPC();
  const setup = useMutation(trpc.account.setupOwner.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: formText(form, "name"), email: formText(form, "email"), password: formText(form, "password") };
    setError(null);
    try {
      await setup.mutateAsync(input);
    } catch (caught) {
      setError((caught as Error).message);
      return;
    }
    const signedIn = await signInWithPassword(input.email, input.password);
    if (signedIn.ok) window.location.assign("/datasets");
    else setError(`Your account was created, but signing in failed: ${signedIn.message}`);
  }

  return (
    <AuthCard title="Create the owner account" description="This is a fresh datafast. The first account is its owner: it can invite others and manage connections.">
      <form method="post" onSubmit={submit} className="grid gap-4" data-testid="setup-form">
        <Field name="name" label="Your name" autoComplete="name" />
        <Field name="email" label="Email" type="email" autoComplete="username" />
        <NewPasswordField />
        <FormError message={error} />
        <Button type="submit" disabled={setup.isPending} data-testid="create-owner">
          {setup.isPending ? "Creating…" : "Create owner and sign in"}
        </Button>
      </form>
    </AuthCard>
  );
}
