import type { Metadata } from "next";
import { ConnectionsSettings } from "@/components/settings/connections-settings";
import { IntegrationsSection } from "@/components/settings/integrations-section";

export const metadata: Metadata = { title: "Connections" };

export default function ConnectionsPage() {
  return (
    <div className="grid gap-8">
      <div>
        <ConnectionsSettings />
      </div>
      <IntegrationsSection />
    </div>
  );
}
