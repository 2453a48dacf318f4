import type { ReactNode } from "react";

// Sign-in, first-owner setup and invitations: no navigation, nothing behind a session.
export default function AuthLayout({ children }: { children: ReactNode }) {
  return <main className="mx-auto flex min-h-screen w-full max-w-md flex-col justify-center px-6 py-12">{children}</main>;
}
