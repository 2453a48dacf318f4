import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { AddSource } from "@/components/sources/add-source";
import { SourcesList } from "@/components/sources/sources-list";

export const metadata: Metadata = { title: "Sources" };

export default function SourcesPage() {
  return (
    <>
      <PageHeader title="Sources" description="Uploaded files and Hub samples, stored once and reusable by every dataset that reads documents." />
      <AddSource />
      <SourcesList />
    </>
  );
}
