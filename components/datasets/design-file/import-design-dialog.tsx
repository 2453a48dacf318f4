"use client";

import { Upload } from "lucide-react";
import { useId, useState } from "react";
import type { DatasetDesign } from "@/lib/designs/design-schema";
import { parseDesignText, type DesignFileIssue } from "@/lib/designs/design-file";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { FormIssues } from "../form-issues";

/** Design files are a few kilobytes; a bigger file is almost certainly the wrong one. */
const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Reads a design from an uploaded file or pasted JSON and hands it over only when it passes
 * the design schema; otherwise every problem is listed with its path. Nothing is saved here.
 * `onImport` may throw to refuse a valid design (its message is shown).
 */
export function ImportDesignDialog({ onImport }: { onImport: (design: DatasetDesign) => void }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [issues, setIssues] = useState<DesignFileIssue[]>([]);
  const textId = useId();
  const fileId = useId();

  function reset(next: boolean) {
    setOpen(next);
    setText("");
    setIssues([]);
  }

  function importText(content: string) {
    const result = parseDesignText(content);
    if (!result.ok) {
      setIssues(result.kind === "json" ? [{ path: result.line ? `line ${result.line}` : "(file)", message: `not valid JSON: ${result.message}` }] : result.issues);
      return;
    }
    try {
      onImport(result.design);
      reset(false);
    } catch (error) {
      setIssues([{ path: "type", message: (error as Error).message }]);
    }
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setIssues([{ path: file.name, message: `is ${(file.size / 1024 / 1024).toFixed(1)} MB; a design file is at most 1 MB. Choose the .design.json file.` }]);
      return;
    }
    const content = await file.text();
    setText(content);
    importText(content);
  }

  return (
    <>
      <Button variant="outline" size="sm" data-testid="import-design" onClick={() => reset(true)}>
        <Upload aria-hidden /> Import design
      </Button>
      <Dialog
        open={open}
        onOpenChange={reset}
        title="Import design"
        description={
          <>
            A design file as exported here or read by <code className="font-mono text-xs">npm run cli -- generate</code>. It replaces the form&apos;s content; nothing is saved until you save.
          </>
        }
        className="max-w-2xl"
        testId="import-design-dialog"
      >
        <div className="grid gap-1.5">
          <Label htmlFor={fileId}>Upload a file</Label>
          <input
            id={fileId}
            type="file"
            accept=".json,application/json"
            data-testid="import-design-file"
            onChange={(event) => {
              void importFile(event.target.files?.[0]);
              event.target.value = "";
            }}
            className="text-sm file:mr-3 file:rounded-md file:border file:bg-card file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-accent"
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={textId}>Or paste the JSON</Label>
          <Textarea
            id={textId}
            data-testid="import-design-text"
            value={text}
            onChange={(event) => setText(event.target.value)}
            rows={12}
            spellCheck={false}
            aria-invalid={issues.length > 0 || undefined}
            placeholder={'{\n  "name": "support-intents",\n  "type": "classification",\n  …\n}'}
            className="max-h-[45vh] resize-y font-mono text-xs"
          />
        </div>
        <div data-testid="import-design-issues">
          <FormIssues issues={issues} />
        </div>
        <div className="flex justify-end">
          <Button data-testid="import-design-submit" disabled={text.trim() === ""} onClick={() => importText(text)}>
            Import
          </Button>
        </div>
      </Dialog>
    </>
  );
}
