import { redirect } from "next/navigation";
import { getCurrentViewer } from "@/server/auth/current-viewer";

// Owners land on connections; everyone else has only their API tokens here.
export default async function SettingsPage() {
  const viewer = await getCurrentViewer();
  redirect(viewer?.role === "owner" ? "/settings/connections" : "/settings/api-tokens");
}
