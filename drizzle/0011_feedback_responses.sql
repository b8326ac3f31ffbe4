CREATE TABLE "feedback_responses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "feedback_responses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organization_id" integer NOT NULL,
	"campaign_id" integer NOT NULL,
	"survey_code" text NOT NULL,
	"channel" text NOT NULL,
	"answers" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"quarter" text NOT NULL,
	"client_hash" text,
	"ua_hash" text,
	"browser_hash" text,
	"idempotency_key" text,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"flag_reasons" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_responses_idempotency_unique" UNIQUE("campaign_id","idempotency_key"),
	CONSTRAINT "feedback_responses_channel_check" CHECK ("feedback_responses"."channel" in ('online', 'api')),
	CONSTRAINT "feedback_responses_answers_object_check" CHECK (jsonb_typeof("feedback_responses"."answers") = 'object'),
	CONSTRAINT "feedback_responses_quarter_check" CHECK ("feedback_responses"."quarter" ~ '^[0-9]{4}-Q[1-4]$')
);
--> statement-breakpoint
CREATE TABLE "feedback_salts" (
	"quarter" text PRIMARY KEY NOT NULL,
	"salt" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"destroyed_at" timestamp with time zone,
	CONSTRAINT "feedback_salts_quarter_check" CHECK ("feedback_salts"."quarter" ~ '^[0-9]{4}-Q[1-4]$')
);
--> statement-breakpoint
ALTER TABLE "feedback_responses" ADD CONSTRAINT "feedback_responses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_responses" ADD CONSTRAINT "feedback_responses_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_responses_quarter_org_idx" ON "feedback_responses" USING btree ("quarter","organization_id");--> statement-breakpoint
CREATE INDEX "feedback_responses_browser_idx" ON "feedback_responses" USING btree ("organization_id","quarter","browser_hash");--> statement-breakpoint
CREATE INDEX "feedback_responses_client_time_idx" ON "feedback_responses" USING btree ("client_hash","received_at");