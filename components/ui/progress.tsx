"use client";

import { Progress as ProgressPrimitive } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "./cn";

type ProgressProps = Omit<ComponentProps<typeof ProgressPrimitive.Root>, "value" | "max"> & { value: number; max: number };

export function Progress({ className, value, max, ...props }: ProgressProps) {
  // Radix rejects a value outside 0..max (and a max of 0), so clamp before handing it over.
  const safeMax = Math.max(1, max);
  const safeValue = Math.min(Math.max(0, value), safeMax);
  return (
    <ProgressPrimitive.Root className={cn("relative h-2 w-full overflow-hidden rounded-full bg-muted", className)} value={safeValue} max={safeMax} {...props}>
      <ProgressPrimitive.Indicator className="h-full w-full bg-primary transition-transform duration-500" style={{ transform: `translateX(-${100 - (safeValue / safeMax) * 100}%)` }} />
    </ProgressPrimitive.Root>
  );
}
