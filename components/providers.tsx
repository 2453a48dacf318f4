"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { useState, type ReactNode } from "react";
import { TRPCProvider } from "@/lib/trpc/client";
import type { AppRouter } from "@/server/trpc/root";

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Run progress and rows change underneath us; a short stale time keeps
      // navigation snappy without showing old counts for long.
      queries: { staleTime: 5_000, retry: (failures, error) => failures < 2 && !isClientError(error), refetchOnWindowFocus: false },
    },
  });
}

/** A 4xx (bad id, unknown dataset) answers the same on every retry. */
function isClientError(error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: unknown } } | null)?.data?.httpStatus;
  return typeof status === "number" && status < 500;
}

let browserQueryClient: QueryClient | undefined;

// A server render must never share a cache with another request; the browser keeps one.
function getQueryClient() {
  if (typeof window === "undefined") return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

export function Providers({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() => createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/api/trpc" })] }));
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
