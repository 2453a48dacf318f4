"use client";

import { Check, Copy, Download, FileJson } from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { designFileName, designToText } from "@/lib/designs/design-file";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Textarea } from "@/components/ui/textarea";

type CopyState = "idle" | "copied" | "selected";

/** Shows the design as the JSON file `cli generate` reads, to copy or download. */
export function ExportDesignDialog({ design, name, size = "sm" }: { design: unknown; name: string; size?: "sm" | "default" }) {
  const [open, setOpen] = useState(false);
  const [copyState, setCopyState] = useState<CopyState>("idle");
  const textRef = useRef<HTMLTextAreaElement>(null);
  const text = useMemo(() => (open ? designToText(design) : ""), [open, design]);
  const fileName = designFileName(name);

  useEffect(() => {
    if (copyState !== "copied") return;
    const timer = setTimeout(() => setCopyState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [copyState]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopyState("copied");
    } catch {
      // The clipboard API needs a secure context and permission; leave the text selected for Ctrl+C.
      textRef.current?.focus();
      textRef.current?.select();
      setCopyState("selected");
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked on the next task: the click has started the download by then.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  return (
    <>
      <Button variant="outline" size={size} data-testid="export-design" onClick={() => setOpen(true)}>
        <FileJson aria-hidden /> Export design
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          setCopyState("idle");
        }}
        title="Export design"
        description={
          <>
            The design as a file: run it with <code className="font-mono text-xs">npm run cli -- generate {fileName}</code>, or import it here later.
          </>
        }
        className="max-w-2xl"
        testId="export-design-dialog"
      >
        <Textarea ref={textRef} readOnly aria-label="Design JSON" data-testid="export-design-text" value={text} rows={16} spellCheck={false} className="max-h-[50vh] resize-y font-mono text-xs" />
        <div className="flex flex-wrap items-center justify-end gap-2">
          <span role="status" className="mr-auto text-xs text-muted-foreground">
            {copyState === "copied" ? "Copied to the clipboard." : copyState === "selected" ? "The clipboard is not available here: the text is selected, press Ctrl+C." : ""}
          </span>
          <Button variant="outline" data-testid="copy-design" onClick={() => void copy()}>
            {copyState === "copied" ? <Check aria-hidden /> : <Copy aria-hidden />} Copy
          </Button>
          <Button data-testid="download-design" onClick={download}>
            <Download aria-hidden /> Download {fileName}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
