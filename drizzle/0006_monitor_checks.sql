CREATE TABLE "monitor_check_pages" (
	"check_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"url" text NOT NULL,
	"http_status" integer NOT NULL,
	"content_type" text,
	"snapshot_id" bigint NOT NULL,
	CONSTRAINT "monitor_check_pages_check_id_seq_pk" PRIMARY KEY("check_id","seq")
);
--> statement-breakpoint
CREATE TABLE "monitor_checks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "monitor_checks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"run_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"url" text NOT NULL,
	"kind" text NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"ruleset_version" text NOT NULL,
	"catalogue_version" text NOT NULL,
	"status" text NOT NULL,
	"error_reason" text,
	"section_link" boolean DEFAULT false NOT NULL,
	"section_link_in_nav" boolean DEFAULT false NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"channels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"present" integer DEFAULT 0 NOT NULL,
	"required" integer DEFAULT 0 NOT NULL,
	"duration_ms" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitor_checks_run_organization_unique" UNIQUE("run_id","organization_id"),
	CONSTRAINT "monitor_checks_status_check" CHECK ("monitor_checks"."status" in ('ok', 'error')),
	CONSTRAINT "monitor_checks_counts_check" CHECK ("monitor_checks"."present" between 0 and "monitor_checks"."required")
);
--> statement-breakpoint
CREATE TABLE "monitor_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "monitor_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"scope" text NOT NULL,
	"organization_id" integer,
	"municipality_id" integer,
	"trigger" text NOT NULL,
	"schedule_slot" timestamp with time zone,
	"status" text DEFAULT 'queued' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"errors" integer DEFAULT 0 NOT NULL,
	"requested_by_id" integer,
	"requested_by" text NOT NULL,
	"failure_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"notified_at" timestamp with time zone,
	CONSTRAINT "monitor_runs_schedule_slot_unique" UNIQUE("schedule_slot"),
	CONSTRAINT "monitor_runs_scope_check" CHECK ("monitor_runs"."scope" in ('all', 'organization')),
	CONSTRAINT "monitor_runs_trigger_check" CHECK ("monitor_runs"."trigger" in ('schedule', 'manual')),
	CONSTRAINT "monitor_runs_status_check" CHECK ("monitor_runs"."status" in ('queued', 'running', 'done', 'failed')),
	CONSTRAINT "monitor_runs_organization_check" CHECK (("monitor_runs"."scope" = 'organization') = ("monitor_runs"."organization_id" is not null)),
	CONSTRAINT "monitor_runs_counts_check" CHECK ("monitor_runs"."done" >= 0 and "monitor_runs"."errors" >= 0 and "monitor_runs"."errors" <= "monitor_runs"."done")
);
--> statement-breakpoint
CREATE TABLE "monitor_snapshots" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "monitor_snapshots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"sha256" text NOT NULL,
	"encoding" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitor_snapshots_sha256_unique" UNIQUE("sha256"),
	CONSTRAINT "monitor_snapshots_encoding_check" CHECK ("monitor_snapshots"."encoding" in ('br', 'gzip')),
	CONSTRAINT "monitor_snapshots_sha256_check" CHECK ("monitor_snapshots"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "monitor_check_pages" ADD CONSTRAINT "monitor_check_pages_check_id_monitor_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."monitor_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_check_pages" ADD CONSTRAINT "monitor_check_pages_snapshot_id_monitor_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."monitor_snapshots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_checks" ADD CONSTRAINT "monitor_checks_run_id_monitor_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."monitor_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_checks" ADD CONSTRAINT "monitor_checks_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_runs" ADD CONSTRAINT "monitor_runs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_runs" ADD CONSTRAINT "monitor_runs_municipality_id_territories_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."territories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_runs" ADD CONSTRAINT "monitor_runs_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monitor_check_pages_snapshot_idx" ON "monitor_check_pages" USING btree ("snapshot_id");--> statement-breakpoint
CREATE INDEX "monitor_checks_organization_checked_idx" ON "monitor_checks" USING btree ("organization_id","checked_at");--> statement-breakpoint
CREATE INDEX "monitor_runs_created_at_idx" ON "monitor_runs" USING btree ("created_at");