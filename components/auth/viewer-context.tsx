"use client";

// The signed-in person, for showing and hiding controls by role. Only a
// convenience: the server checks the role on every call regardless.
import { createContext, useContext, type ReactNode } from "react";
import { hasRole, type Role, type Viewer } from "@/lib/auth/roles";

const ViewerContext = createContext<Viewer | null>(null);

export function ViewerProvider({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}

export function useViewer(): Viewer | null {
  return useContext(ViewerContext);
}

/** Whether the signed-in person has at least `role` (false when signed out). */
export function useCan(role: Role): boolean {
  const viewer = useViewer();
  return viewer ? hasRole(viewer.role, role) : false;
}
