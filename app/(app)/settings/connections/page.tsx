import type { Metadata } from "next";
import { AccessDenied } from "@/components/auth/access-denied";
import { ConnectionsSettings } from "@/components/settings/connections-settings";
import { IntegrationsSection } from "@/components/settings/integrations-section";
import { pageAllows } from "@/server/auth/page-access";

export const metadata: Metadata = { title: "Connections" };

export default async function ConnectionsPage() {
  if (!(await pageAllows("owner"))) return <AccessDenied needed="owner" />;
  return (
    <div className="grid gap-8">
      <div>
        <ConnectionsSettings />
      </div>
      <IntegrationsSection />
    </div>
  );
}
