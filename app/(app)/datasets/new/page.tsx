import type { Metadata } from "next";
import { AccessDenied } from "@/components/auth/access-denied";
import { pageAllows } from "@/server/auth/page-access";
import { DesignForm } from "@/components/datasets/design-form";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "New dataset" };

export default async function NewDatasetPage() {
  if (!(await pageAllows("editor"))) return <AccessDenied needed="editor" />;
  return (
    <>
      <PageHeader title="New dataset" description="Design the dataset, check the planned count, preview a few rows, then save it." />
      <DesignForm />
    </>
  );
}
