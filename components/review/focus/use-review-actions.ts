"use client";

// The review mutations, each refreshing what a review changes: the grid (rows.*),
// the focus view and history (reviews.*) and the progress figures (insights.*).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "@/lib/trpc/client";

export function useInvalidateReviews() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.rows.pathFilter()),
        queryClient.invalidateQueries(trpc.reviews.pathFilter()),
        queryClient.invalidateQueries(trpc.insights.pathFilter()),
      ]),
    [queryClient, trpc],
  );
}

export function useReviewActions() {
  const trpc = useTRPC();
  const invalidate = useInvalidateReviews();
  // Not awaited: a mutation stays pending until its onSettled promise ends, and the
  // focus view ignores shortcuts while one is pending; refreshing the grid and the
  // insights must not hold the next keystroke back.
  const onSettled = () => {
    void invalidate();
  };
  return {
    setStatus: useMutation(trpc.reviews.setStatus.mutationOptions({ onSettled })),
    edit: useMutation(trpc.reviews.edit.mutationOptions({ onSettled })),
    setLabels: useMutation(trpc.reviews.setLabels.mutationOptions({ onSettled })),
    rate: useMutation(trpc.reviews.rate.mutationOptions({ onSettled })),
    comment: useMutation(trpc.reviews.comment.mutationOptions({ onSettled })),
    undo: useMutation(trpc.reviews.undo.mutationOptions({ onSettled })),
  };
}
