import Link from "next/link";

/** "Datasets / <dataset>": the eyebrow of the pages under a dataset (a run, the review). */
export function DatasetBreadcrumb({ datasetId, name }: { datasetId: string; name: string | undefined }) {
  return (
    <span className="flex items-center gap-1.5">
      <Link href="/datasets" className="hover:text-foreground">
        Datasets
      </Link>
      /
      <Link href={`/datasets/${datasetId}`} className="hover:text-foreground" data-testid="breadcrumb-dataset">
        {name ?? "Dataset"}
      </Link>
    </span>
  );
}
