"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTRPC } from "@/lib/trpc/client";
import { Card, CardContent } from "@/components/ui/card";
import { PlannedPanel, serverView } from "./planned-panel";
import { useDebounced } from "./use-debounced";

/**
 * The planned count from the server's planner, for types whose count depends on
 * what only the server knows (a source's documents) or on several factors of their own.
 */
export function ServerPlannedPanel({ design, children }: { design: unknown; children?: ReactNode }) {
  const trpc = useTRPC();
  const input = useDebounced({ design }, 400);
  const plan = useQuery({ ...trpc.datasets.plan.queryOptions(input), retry: false, placeholderData: (previous) => previous });
  if (!plan.data) {
    return (
      <Card>
        <CardContent className="py-4 text-sm text-muted-foreground" data-testid="planned-pending">
          {plan.isError ? `Nothing planned yet: ${plan.error.message.split("\n")[0]}` : "Planning…"}
        </CardContent>
      </Card>
    );
  }
  return <PlannedPanel plan={serverView(plan.data)}>{children}</PlannedPanel>;
}
