"use client";

import { Dialog } from "@/components/ui/dialog";
import { SHORTCUTS } from "./keyboard";

export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange(open: boolean): void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Keyboard shortcuts" description="They work anywhere on the review page except while you type in a text box." testId="shortcuts-dialog">
      <table className="w-full text-sm">
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.does} className="border-t first:border-t-0">
              <td className="py-1.5 pr-4 whitespace-nowrap">
                {shortcut.keys.map((key, index) =>
                  key === "or" || key === "…" ? (
                    <span key={index} className="px-1 text-muted-foreground">
                      {key}
                    </span>
                  ) : (
                    <kbd key={index} className="mr-1 rounded border bg-muted px-1.5 py-0.5 font-mono text-xs">
                      {key}
                    </kbd>
                  ),
                )}
              </td>
              <td className="py-1.5">{shortcut.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
