import { PricesTable } from "@/components/prices/prices-table";

export const metadata = { title: "Prices · datafast" };

export default function PricesPage() {
  return <PricesTable />;
}
