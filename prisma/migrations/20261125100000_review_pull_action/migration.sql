-- One review action per pull from Argilla: every row it changed gets its own new
-- state (status, labels, rating, edit), recorded with its before-state so one undo
-- reverts the whole pull. Adding an enum value is allowed inside a transaction
-- (Postgres 12+) as long as the same transaction does not use it.
ALTER TYPE "review_action_kind" ADD VALUE 'pull';
