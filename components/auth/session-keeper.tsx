"use client";

// Pages are server components, which cannot set cookies, so they read the
// session without extending it (server/auth/viewer.ts). This one API call per
// page load — and on coming back after an hour — lets the tRPC route extend it
// and re-send the cookie, so people who use datafast daily stay signed in.
// A session that ended meanwhile (password changed elsewhere) goes to sign-in.
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "@/lib/trpc/client";

const HOUR_MS = 60 * 60_000;

export function SessionKeeper() {
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions(undefined, { staleTime: HOUR_MS, refetchOnWindowFocus: true }));
  const signedOut = me.isSuccess && me.data === null;
  useEffect(() => {
    if (signedOut) window.location.assign("/login");
  }, [signedOut]);
  return null;
}
