ALTER TABLE "import_tokens" ADD COLUMN "session_holds" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "import_tokens" ADD COLUMN "ended_at" timestamp with time zone;