CREATE TABLE "result_organizations" (
	"run_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"kind" text NOT NULL,
	"municipality_id" integer NOT NULL,
	"indicators" jsonb NOT NULL,
	"criteria" jsonb NOT NULL,
	"total" numeric(5, 2),
	"band" text,
	"counts" jsonb NOT NULL,
	"provenance" jsonb NOT NULL,
	"survey_shares" jsonb NOT NULL,
	"shortcomings" jsonb NOT NULL,
	"respondents" integer NOT NULL,
	"required_sample" integer NOT NULL,
	"flagged_responses" integer NOT NULL,
	"excluded_responses" integer NOT NULL,
	"flags" jsonb NOT NULL,
	"ranked" boolean NOT NULL,
	"rank_kind" integer,
	"rank_municipality" integer,
	"rank_region" integer,
	"council_proposals" text,
	CONSTRAINT "result_organizations_run_id_organization_id_pk" PRIMARY KEY("run_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "result_recalculations" (
	"campaign_id" integer PRIMARY KEY NOT NULL,
	"requested_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "result_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "result_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"campaign_id" integer NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"methodology" jsonb NOT NULL,
	"settings" jsonb NOT NULL,
	"inputs_digest" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"computed_by" text NOT NULL,
	"organizations" integer NOT NULL,
	"aggregates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"frozen_at" timestamp with time zone,
	"frozen_basis" text,
	"decision_number" text,
	"decision_date" date,
	"frozen_by" integer,
	"frozen_by_label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "result_runs_status_check" CHECK ("result_runs"."status" in ('current', 'frozen', 'superseded')),
	CONSTRAINT "result_runs_version_check" CHECK ("result_runs"."version" >= 1),
	CONSTRAINT "result_runs_frozen_check" CHECK (("result_runs"."status" <> 'frozen' or "result_runs"."frozen_at" is not null)
        and ("result_runs"."status" <> 'current' or "result_runs"."frozen_at" is null)
        and (("result_runs"."frozen_at" is null) = ("result_runs"."frozen_basis" is null)))
);
--> statement-breakpoint
ALTER TABLE "result_organizations" ADD CONSTRAINT "result_organizations_run_id_result_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."result_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_organizations" ADD CONSTRAINT "result_organizations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_organizations" ADD CONSTRAINT "result_organizations_municipality_id_territories_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."territories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_recalculations" ADD CONSTRAINT "result_recalculations_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_runs" ADD CONSTRAINT "result_runs_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_runs" ADD CONSTRAINT "result_runs_frozen_by_users_id_fk" FOREIGN KEY ("frozen_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "result_organizations_organization_id_idx" ON "result_organizations" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "result_runs_campaign_version_unique" ON "result_runs" USING btree ("campaign_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "result_runs_one_current" ON "result_runs" USING btree ("campaign_id") WHERE "result_runs"."status" = 'current';--> statement-breakpoint
CREATE UNIQUE INDEX "result_runs_one_frozen" ON "result_runs" USING btree ("campaign_id") WHERE "result_runs"."status" = 'frozen';