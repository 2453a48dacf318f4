"use client";

import { useState } from "react";
import { datasetDesignSchema, type DatasetDesign } from "@/lib/designs/design-schema";
import { designDifferences } from "@/lib/designs/design-file";
import { ExportDesignDialog } from "./export-design-dialog";
import { ImportDesignDialog } from "./import-design-dialog";

type Props = {
  /** The design as the form holds it now (exported as is, even with problems). */
  design: { name?: unknown };
  /** Fills the form with the design and returns the design the form then holds. */
  onImport: (design: DatasetDesign) => unknown;
};

/** Export and import of the design on the design form; says which imported fields the form could not keep. */
export function DesignFileActions({ design, onImport }: Props) {
  const [notice, setNotice] = useState<{ name: string; dropped: string[] } | null>(null);
  const name = typeof design.name === "string" && design.name.trim() !== "" ? design.name : "dataset";

  function handleImport(imported: DatasetDesign) {
    const held = datasetDesignSchema.safeParse(onImport(imported));
    setNotice({ name: imported.name, dropped: held.success ? designDifferences(imported, held.data) : [] });
  }

  return (
    <div className="grid justify-items-end gap-1.5">
      <div className="flex gap-2">
        <ImportDesignDialog onImport={handleImport} />
        <ExportDesignDialog design={design} name={name} />
      </div>
      {notice ? (
        <p role="status" data-testid="import-design-notice" className="max-w-xs text-right text-xs text-muted-foreground">
          Imported “{notice.name}”; not saved yet.
          {notice.dropped.length > 0 ? <span className="text-[oklch(0.5_0.12_70)]"> This form does not edit {notice.dropped.join(", ")}: left out.</span> : null}
        </p>
      ) : null}
    </div>
  );
}
