import type { Metadata } from "next";
import { ApiTokensSettings } from "@/components/api-tokens/api-tokens-settings";

export const metadata: Metadata = { title: "API tokens" };

export default function ApiTokensPage() {
  return <ApiTokensSettings />;
}
