ALTER TABLE "history_entries" DROP CONSTRAINT "history_kind_check";--> statement-breakpoint
ALTER TABLE "history_entries" ADD COLUMN "day" date;--> statement-breakpoint
ALTER TABLE "history_entries" ADD CONSTRAINT "history_kind_check" CHECK ("history_entries"."kind" in ('change', 'observed', 'write'));