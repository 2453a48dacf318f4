import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { DatasetsList } from "@/components/datasets/datasets-list";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Datasets" };

export default function DatasetsPage() {
  return (
    <>
      <PageHeader
        title="Datasets"
        description="Each dataset is a design plus the rows its runs produced."
        actions={
          <Button asChild data-testid="new-dataset">
            <Link href="/datasets/new">
              <Plus aria-hidden /> New dataset
            </Link>
          </Button>
        }
      />
      <DatasetsList />
    </>
  );
}
