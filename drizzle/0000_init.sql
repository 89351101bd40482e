CREATE TABLE "history_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "history_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"username" text NOT NULL,
	"kind" text NOT NULL,
	"attribute" text NOT NULL,
	"label" text NOT NULL,
	"action" text NOT NULL,
	"owner_before" text,
	"owner_after" text,
	"outcome" text,
	"error_code" text,
	"request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seen_since" timestamp with time zone,
	"settle_after" timestamp with time zone,
	CONSTRAINT "history_kind_check" CHECK ("history_entries"."kind" in ('change', 'observed'))
);
--> statement-breakpoint
CREATE TABLE "last_seen_owners" (
	"username" text NOT NULL,
	"attribute" text NOT NULL,
	"label" text NOT NULL,
	"owner" text,
	"active" boolean NOT NULL,
	CONSTRAINT "last_seen_owners_username_attribute_pk" PRIMARY KEY("username","attribute")
);
--> statement-breakpoint
CREATE TABLE "refreshed_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"sealed" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_states" (
	"username" text PRIMARY KEY NOT NULL,
	"owners_seen_at" timestamp with time zone,
	"dismissed_through" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "history_user_id_idx" ON "history_entries" USING btree ("username","id");--> statement-breakpoint
CREATE INDEX "history_user_attribute_idx" ON "history_entries" USING btree ("username","attribute","id");--> statement-breakpoint
CREATE INDEX "history_created_idx" ON "history_entries" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "history_unknown_idx" ON "history_entries" USING btree ("username") WHERE "history_entries"."outcome" = 'unknown';