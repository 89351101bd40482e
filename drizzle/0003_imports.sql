CREATE TABLE "import_tokens" (
	"import_id" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"sealed" text NOT NULL,
	"refresh_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_values" (
	"import_id" text NOT NULL,
	"phase" text NOT NULL,
	"seq" integer NOT NULL,
	"attribute" text NOT NULL,
	"tag_label" text,
	"day" date NOT NULL,
	"value" jsonb,
	"before" jsonb,
	"row" integer NOT NULL,
	"state" text NOT NULL,
	"batch" integer,
	"error_code" text,
	"error" text,
	CONSTRAINT "import_values_import_id_phase_seq_pk" PRIMARY KEY("import_id","phase","seq")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"status" text NOT NULL,
	"file_name" text NOT NULL,
	"preview" jsonb NOT NULL,
	"invalid" jsonb NOT NULL,
	"invalid_count" integer DEFAULT 0 NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"waiting_until" timestamp with time zone,
	"problem_code" text,
	"problem_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"undo_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "replaced_refresh_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"import_id" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_tokens" ADD CONSTRAINT "import_tokens_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_values" ADD CONSTRAINT "import_values_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replaced_refresh_tokens" ADD CONSTRAINT "replaced_refresh_tokens_import_id_import_tokens_import_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."import_tokens"("import_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_values_state_idx" ON "import_values" USING btree ("import_id","phase","state","seq");--> statement-breakpoint
CREATE INDEX "imports_user_idx" ON "imports" USING btree ("username","created_at");--> statement-breakpoint
CREATE INDEX "imports_status_idx" ON "imports" USING btree ("status");--> statement-breakpoint
CREATE INDEX "imports_ended_idx" ON "imports" USING btree ("ended_at");