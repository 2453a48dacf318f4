import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getCurrentViewer, needsSetup } from "@/server/auth/current-viewer";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  if (await needsSetup()) redirect("/setup");
  if (await getCurrentViewer()) redirect("/datasets");
  return <LoginForm />;
}
