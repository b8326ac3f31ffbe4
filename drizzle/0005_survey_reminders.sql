CREATE TABLE "survey_reminders" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_reminders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"campaign_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"trigger" text NOT NULL,
	"counted" integer NOT NULL,
	"required" integer NOT NULL,
	"recipients" text[] DEFAULT '{}'::text[] NOT NULL,
	"mail_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"requested_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_reminders_trigger_check" CHECK ("survey_reminders"."trigger" in ('scheduled', 'manual'))
);
--> statement-breakpoint
ALTER TABLE "survey_reminders" ADD CONSTRAINT "survey_reminders_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_reminders" ADD CONSTRAINT "survey_reminders_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_reminders" ADD CONSTRAINT "survey_reminders_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_reminders_campaign_org_idx" ON "survey_reminders" USING btree ("campaign_id","organization_id","sent_at");