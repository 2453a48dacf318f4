"use client";

import { useViewer } from "@/components/auth/viewer-context";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ChangePasswordForm } from "./change-password-form";

export function AccountSettings() {
  const viewer = useViewer();
  if (!viewer) return null;
  return (
    <div className="grid gap-6">
      <PageHeader title="Account" description="Who you are signed in as, and your password." />
      <Card>
        <CardHeader>
          <CardTitle>You</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-[8rem_1fr] gap-y-1 text-sm" data-testid="account-details">
            <dt className="text-muted-foreground">Name</dt>
            <dd>{viewer.name}</dd>
            <dt className="text-muted-foreground">Email</dt>
            <dd>{viewer.email}</dd>
            <dt className="text-muted-foreground">Role</dt>
            <dd>{viewer.role}</dd>
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Change password</CardTitle>
          <CardDescription>Type your current password, then the new one twice. Every other browser signed in as you is signed out; API tokens keep working (revoke them under API tokens).</CardDescription>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm email={viewer.email} />
        </CardContent>
      </Card>
    </div>
  );
}
