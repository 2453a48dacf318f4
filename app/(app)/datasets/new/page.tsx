import type { Metadata } from "next";
import { DesignForm } from "@/components/datasets/design-form";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "New dataset" };

export default function NewDatasetPage() {
  return (
    <>
      <PageHeader title="New dataset" description="Design the dataset, check the planned count, preview a few rows, then save it." />
      <DesignForm />
    </>
  );
}
