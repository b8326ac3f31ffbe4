CREATE TABLE "survey_double_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_double_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"response_id" bigint NOT NULL,
	"answers" jsonb NOT NULL,
	"operator_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_double_entries_responseId_unique" UNIQUE("response_id")
);
--> statement-breakpoint
ALTER TABLE "survey_responses" ADD COLUMN "sequence_number" integer;--> statement-breakpoint
ALTER TABLE "survey_double_entries" ADD CONSTRAINT "survey_double_entries_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_double_entries" ADD CONSTRAINT "survey_double_entries_operator_id_users_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_paper_slot_unique" UNIQUE("campaign_id","organization_id","batch_number","sequence_number");