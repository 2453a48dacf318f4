"use client";

import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/account-schemas";

/** One labelled input; `name` doubles as its id and test id. */
export function Field({ name, label, type = "text", autoComplete, defaultValue, readOnly }: { name: string; label: string; type?: string; autoComplete?: string; defaultValue?: string; readOnly?: boolean }) {
  return (
    <div className="grid gap-2">
      <Label htmlFor={name}>{label}</Label>
      <Input id={name} name={name} type={type} autoComplete={autoComplete} defaultValue={defaultValue} readOnly={readOnly} required data-testid={`field-${name}`} />
    </div>
  );
}

export function NewPasswordField() {
  return (
    <div className="grid gap-2">
      <Label htmlFor="password">Password</Label>
      <Input id="password" name="password" type="password" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} required data-testid="field-password" />
      <p className="text-xs text-muted-foreground">At least {MIN_PASSWORD_LENGTH} characters.</p>
    </div>
  );
}

export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
