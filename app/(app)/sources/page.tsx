import type { Metadata } from "next";
import { AccessDenied } from "@/components/auth/access-denied";
import { pageAllows } from "@/server/auth/page-access";
import { PageHeader } from "@/components/page-header";
import { AddSource } from "@/components/sources/add-source";
import { SourcesList } from "@/components/sources/sources-list";

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage() {
  if (!(await pageAllows("editor"))) return <AccessDenied needed="editor" />;
  return (
    <>
      <PageHeader title="Sources" description="Uploaded files and Hub samples, stored once and reusable by every dataset that reads documents." />
      <AddSource />
      <SourcesList />
    </>
  );
}
