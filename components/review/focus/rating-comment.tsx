"use client";

// A row's rating (1–5 stars; choosing the current rating clears it) and comment.
import { Star } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Textarea } from "@/components/ui/textarea";

export function RatingStars({ rating, onRate, busy }: { rating: number | null; onRate(rating: number | null): void; busy: boolean }) {
  return (
    <div className="grid content-start gap-1.5">
      <p className="text-xs font-medium text-muted-foreground" id="focus-rating-title">
        Rating
      </p>
      <div role="group" aria-labelledby="focus-rating-title" className="flex items-center gap-0.5" data-testid="focus-rating" data-rating={rating ?? 0}>
        {[1, 2, 3, 4, 5].map((value) => (
          <button
            key={value}
            type="button"
            aria-label={`${value} of 5 stars`}
            aria-pressed={rating === value}
            disabled={busy}
            onClick={() => onRate(rating === value ? null : value)}
            className="rounded-sm p-0.5 outline-none focus-visible:ring-2 focus-visible:ring-ring/50"
          >
            <Star className={cn("size-4", rating !== null && value <= rating ? "fill-warning text-warning" : "text-muted-foreground")} aria-hidden />
          </button>
        ))}
      </div>
    </div>
  );
}

/** Mount with key = row id, so switching rows starts from that row's comment. */
export function CommentBox({ comment, onSave, busy }: { comment: string | null; onSave(comment: string | null): void; busy: boolean }) {
  const [text, setText] = useState(comment ?? "");
  const changed = text.trim() !== (comment ?? "").trim();
  return (
    <div className="grid gap-1.5">
      <label htmlFor="focus-comment" className="text-xs font-medium text-muted-foreground">
        Comment
      </label>
      <Textarea id="focus-comment" data-testid="focus-comment" value={text} rows={2} maxLength={5000} placeholder="Why this row is good or bad…" onChange={(event) => setText(event.target.value)} />
      <div>
        <Button size="sm" variant="outline" disabled={busy || !changed} onClick={() => onSave(text.trim() ? text : null)} data-testid="focus-comment-save">
          Save comment
        </Button>
      </div>
    </div>
  );
}
