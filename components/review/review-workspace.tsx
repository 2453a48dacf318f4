"use client";

// The review page: filters and search over a virtualized grid of the dataset's
// rows, the focused row beside it. The whole view (filter, sort, focused row)
// lives in the address, so it can be shared and survives a reload.
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Rows3 } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { datasetTypes } from "@/lib/dataset-types";
import type { RowFilter, RowSort } from "@/lib/review/row-filter";
import { searchTerms } from "@/lib/review/search-terms";
import { isFiltered, parseViewParams, viewToParams, type ReviewView } from "@/lib/review/view-params";
import { useTRPC } from "@/lib/trpc/client";
import { DatasetBreadcrumb } from "@/components/datasets/dataset-breadcrumb";
import { PageHeader } from "@/components/page-header";
import { EmptyState, ErrorNotice, Loading } from "@/components/query-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FilterBar } from "./filter-bar";
import { gridColumns } from "./grid-columns";
import { FocusSlot } from "./review-slots";
import { RowSelectionProvider } from "./row-selection";
import { RowsGrid } from "./rows-grid";
import { SelectionBar } from "./selection-bar";
import { ViewNotices } from "./view-notices";

const PAGE_SIZE = 100;

function useReviewView() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const parsed = useMemo(() => parseViewParams(searchParams), [searchParams]);
  const { filter, sort, row } = parsed;
  const setView = useCallback(
    (change: Partial<ReviewView>) => {
      const query = viewToParams({ filter, sort, row, ...change }).toString();
      // replace, not push: every keystroke of a search is not a page to go back to.
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [router, pathname, filter, sort, row],
  );
  return { ...parsed, setView };
}

export function ReviewWorkspace({ datasetId }: { datasetId: string }) {
  const trpc = useTRPC();
  const { filter, sort, row: focusedRowId, notices, setView } = useReviewView();
  const dataset = useQuery(trpc.datasets.get.queryOptions({ datasetId }));
  const facets = useQuery(trpc.rows.facets.queryOptions({ datasetId }, { staleTime: 30_000 }));
  const rows = useInfiniteQuery(
    trpc.rows.list.infiniteQueryOptions(
      { datasetId, filter, sort, pageSize: PAGE_SIZE },
      // The previous view stays on screen while a new filter loads, so the grid does not flash empty.
      { getNextPageParam: (page) => page.nextCursor ?? undefined, placeholderData: keepPreviousData },
    ),
  );
  const first = rows.data?.pages[0];
  const exact = useQuery(trpc.rows.count.queryOptions({ datasetId, filter }, { enabled: first?.totalIsEstimate === true }));
  const total = first?.totalIsEstimate ? (exact.data?.total ?? first.total) : (first?.total ?? null);
  const estimated = first?.totalIsEstimate === true && !exact.data;

  const loaded = useMemo(() => rows.data?.pages.flatMap((page) => page.rows) ?? [], [rows.data]);
  const loadedIds = useMemo(() => loaded.map((row) => row.id), [loaded]);
  const terms = useMemo(() => searchTerms(filter.q), [filter.q]);
  const sampleFields = useMemo(() => Object.keys((loaded[0]?.data as Record<string, unknown> | undefined) ?? {}), [loaded]);
  const columns = useMemo(() => (dataset.data ? gridColumns(dataset.data.type, terms, sampleFields) : []), [dataset.data, terms, sampleFields]);

  const setFilter = useCallback((next: RowFilter) => setView({ filter: next }), [setView]);
  const setSort = useCallback((next: RowSort) => setView({ sort: next }), [setView]);
  const openRow = useCallback((rowId: string | null) => setView({ row: rowId }), [setView]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = rows;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  if (dataset.isPending) return <Loading label="Loading the dataset…" />;
  if (dataset.isError) return <ErrorNotice title="Could not load the dataset" message={dataset.error.message} />;

  return (
    // Wider than the other pages: the grid and the focused row side by side need the room.
    <div className="relative left-1/2 grid w-[min(100rem,calc(100vw-3rem))] -translate-x-1/2 gap-4">
      <PageHeader
        eyebrow={<DatasetBreadcrumb datasetId={datasetId} name={dataset.data.name} />}
        title="Review"
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge variant="outline">{datasetTypes[dataset.data.type].title}</Badge>
            <span data-testid="rows-match">
              {total === null ? "Counting rows…" : `${estimated ? "≈ " : ""}${total.toLocaleString("en-US")} ${total === 1 ? "row matches" : "rows match"}`}
              {facets.data && isFiltered(filter) ? ` (of ${facets.data.total.toLocaleString("en-US")})` : null}
            </span>
          </span>
        }
      />
      <ViewNotices notices={notices} onClean={() => setView({})} />
      <FilterBar filter={filter} facets={facets.data} onChange={setFilter} />
      <RowSelectionProvider key={JSON.stringify(filter)} filter={filter} total={total} loadedIds={loadedIds}>
        <SelectionBar total={total} />
        <div className={cn("grid gap-4", focusedRowId && "lg:grid-cols-[minmax(0,1fr)_minmax(26rem,0.9fr)]")}>
          {rows.isPending ? (
            <Loading label="Loading rows…" />
          ) : rows.isError ? (
            <ErrorNotice title="Could not load the rows" message={rows.error.message} />
          ) : loaded.length === 0 ? (
            <EmptyState
              icon={<Rows3 />}
              title={isFiltered(filter) ? "No row matches these filters" : "No rows yet"}
              description={isFiltered(filter) ? "Remove a filter or change the search." : "Launch a run on the dataset page to generate rows."}
              action={
                isFiltered(filter) ? (
                  <Button variant="outline" onClick={() => setFilter({})}>
                    Clear filters
                  </Button>
                ) : undefined
              }
            />
          ) : (
            <RowsGrid
              className={cn("h-[calc(100vh-19rem)] min-h-[26rem] transition-opacity", rows.isPlaceholderData && "opacity-60")}
              rows={loaded}
              columns={columns}
              sort={sort}
              onSortChange={setSort}
              activeRowId={focusedRowId}
              onOpenRow={openRow}
              hasMore={hasNextPage}
              loadingMore={isFetchingNextPage}
              onLoadMore={loadMore}
            />
          )}
          {focusedRowId ? (
            <div className="lg:h-[calc(100vh-19rem)] lg:min-h-[26rem] lg:overflow-y-auto">
              <FocusSlot datasetId={datasetId} filter={filter} sort={sort} rowId={focusedRowId} onNavigate={openRow} />
            </div>
          ) : null}
        </div>
      </RowSelectionProvider>
    </div>
  );
}
