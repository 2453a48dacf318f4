import { Loader2 } from "lucide-react";
import { Badge, type BadgeVariant } from "@/components/ui/badge";

const variants: Record<string, BadgeVariant> = {
  queued: "secondary",
  running: "info",
  paused: "warning",
  cancelling: "warning",
  cancelled: "secondary",
  completed: "success",
  failed: "destructive",
};

const active = new Set(["queued", "running", "cancelling"]);

export function RunStatusBadge({ status, testId }: { status: string; testId?: string }) {
  return (
    <Badge variant={variants[status] ?? "outline"} data-testid={testId} data-status={status}>
      {active.has(status) ? <Loader2 className="size-3 animate-spin" aria-hidden /> : null}
      {status}
    </Badge>
  );
}

export function isActiveRunStatus(status: string): boolean {
  return active.has(status) || status === "paused";
}
