import type { Metadata } from "next";
import { AccessDenied } from "@/components/auth/access-denied";
import { MembersSettings } from "@/components/members/members-settings";
import { pageAllows } from "@/server/auth/page-access";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  if (!(await pageAllows("owner"))) return <AccessDenied needed="owner" />;
  return <MembersSettings />;
}
