import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SetupForm } from "@/components/auth/setup-form";
import { needsSetup } from "@/server/auth/current-viewer";

export const metadata: Metadata = { title: "Set up" };

// Only on a fresh install; the procedure refuses too once an owner exists.
export default async function SetupPage() {
  if (!(await needsSetup())) redirect("/login");
  return <SetupForm />;
}
