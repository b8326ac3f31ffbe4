CREATE TABLE "survey_responses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_responses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"campaign_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"channel" text NOT NULL,
	"answers" jsonb NOT NULL,
	"valid" boolean NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"client_hash" text,
	"ua_hash" text,
	"browser_hash" text,
	"idempotency_key" text,
	"batch_number" text,
	"operator_id" integer,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"flag_reasons" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"moderation" text,
	"moderation_reason" text,
	"decided_by_id" integer,
	"decided_at" timestamp with time zone,
	"is_feedback" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_responses_idempotency_unique" UNIQUE("campaign_id","idempotency_key"),
	CONSTRAINT "survey_responses_channel_check" CHECK ("survey_responses"."channel" in ('online', 'paper', 'import', 'api')),
	CONSTRAINT "survey_responses_moderation_check" CHECK ("survey_responses"."moderation" in ('included', 'excluded')),
	CONSTRAINT "survey_responses_answers_object_check" CHECK (jsonb_typeof("survey_responses"."answers") = 'object')
);
--> statement-breakpoint
CREATE TABLE "survey_salts" (
	"campaign_id" integer PRIMARY KEY NOT NULL,
	"salt" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"destroyed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_operator_id_users_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_salts" ADD CONSTRAINT "survey_salts_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_responses_campaign_org_idx" ON "survey_responses" USING btree ("campaign_id","organization_id");--> statement-breakpoint
CREATE INDEX "survey_responses_browser_idx" ON "survey_responses" USING btree ("campaign_id","organization_id","browser_hash");--> statement-breakpoint
CREATE INDEX "survey_responses_client_time_idx" ON "survey_responses" USING btree ("campaign_id","client_hash","submitted_at");