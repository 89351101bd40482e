CREATE TABLE "exist_call_windows" (
	"username" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"import_calls" integer DEFAULT 0 NOT NULL,
	"spent" boolean DEFAULT false NOT NULL,
	CONSTRAINT "exist_call_windows_username_window_start_pk" PRIMARY KEY("username","window_start")
);
--> statement-breakpoint
CREATE INDEX "exist_call_windows_start_idx" ON "exist_call_windows" USING btree ("window_start");