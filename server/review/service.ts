import type { PrismaClient } from "@/server/generated/prisma/client";
import { findRowsPage, type RowFilter } from "./queries";

export async function listRows(db: PrismaClient, filter: RowFilter, page: { page: number; pageSize: number }) {
  const { rows, total } = await findRowsPage(db, filter, { offset: page.page * page.pageSize, limit: page.pageSize });
  return { rows, total, page: page.page, pageSize: page.pageSize };
}
