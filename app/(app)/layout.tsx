import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SessionKeeper } from "@/components/auth/session-keeper";
import { ViewerProvider } from "@/components/auth/viewer-context";
import { SiteHeader } from "@/components/site-header";
import { getCurrentViewer, needsSetup } from "@/server/auth/current-viewer";

// Every page in here needs a signed-in person; a fresh install goes to /setup first.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await getCurrentViewer();
  if (!viewer) redirect((await needsSetup()) ? "/setup" : "/login");
  const { id, name, email, role } = viewer;
  return (
    <ViewerProvider viewer={{ id, name, email, role }}>
      <SessionKeeper />
      <SiteHeader />
      <main className="mx-auto w-full max-w-6xl px-6 py-8">{children}</main>
    </ViewerProvider>
  );
}
