"use client";

import { LogOut } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  async function signOut() {
    setPending(true);
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).catch(() => undefined);
    // A full load: every cached query belonged to the person who just left.
    window.location.assign("/login");
  }
  return (
    <Button variant="ghost" size="sm" onClick={signOut} disabled={pending} data-testid="sign-out">
      <LogOut aria-hidden /> Sign out
    </Button>
  );
}
