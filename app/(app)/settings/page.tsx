import { redirect } from "next/navigation";

// Connections are the only settings so far.
export default function SettingsPage() {
  redirect("/settings/connections");
}
