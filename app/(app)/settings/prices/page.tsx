import { AccessDenied } from "@/components/auth/access-denied";
import { PricesTable } from "@/components/prices/prices-table";
import { pageAllows } from "@/server/auth/page-access";

export const metadata = { title: "Prices · datafast" };

export default async function PricesPage() {
  if (!(await pageAllows("owner"))) return <AccessDenied needed="owner" />;
  return <PricesTable />;
}
