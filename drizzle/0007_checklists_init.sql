CREATE TABLE "checklist_channel_tests" (
	"checklist_id" integer NOT NULL,
	"channel" text NOT NULL,
	"call_date" date,
	"call_time" text,
	"call_answered" boolean,
	"letter_sent_on" date,
	"letter_answered_on" date,
	"note" text,
	"recorded_by_id" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checklist_channel_tests_checklist_id_channel_pk" PRIMARY KEY("checklist_id","channel"),
	CONSTRAINT "checklist_channel_tests_time_check" CHECK ("checklist_channel_tests"."call_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
	CONSTRAINT "checklist_channel_tests_letter_check" CHECK ("checklist_channel_tests"."letter_answered_on" >= "checklist_channel_tests"."letter_sent_on")
);
--> statement-breakpoint
CREATE TABLE "checklist_evidence" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "checklist_evidence_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"checklist_id" integer NOT NULL,
	"section" text NOT NULL,
	"item_key" text NOT NULL,
	"side" text NOT NULL,
	"file_id" integer,
	"url" text,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checklist_evidence_section_check" CHECK ("checklist_evidence"."section" in ('stand', 'remoteChannels', 'comfort', 'premises', 'services')),
	CONSTRAINT "checklist_evidence_side_check" CHECK ("checklist_evidence"."side" in ('declared', 'confirmed')),
	CONSTRAINT "checklist_evidence_source_check" CHECK (("checklist_evidence"."file_id" is null) <> ("checklist_evidence"."url" is null))
);
--> statement-breakpoint
CREATE TABLE "checklist_items" (
	"checklist_id" integer NOT NULL,
	"section" text NOT NULL,
	"item_key" text NOT NULL,
	"declared_answer" text,
	"declared_comment" text,
	"declared_reason" text,
	"declared_by_id" integer,
	"declared_at" timestamp with time zone,
	"confirmed_answer" text,
	"confirmed_comment" text,
	"confirmed_reason" text,
	"confirmed_by_id" integer,
	"confirmed_at" timestamp with time zone,
	"listed" boolean,
	"listed_monitor" boolean,
	"listed_reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checklist_items_checklist_id_section_item_key_pk" PRIMARY KEY("checklist_id","section","item_key"),
	CONSTRAINT "checklist_items_section_check" CHECK ("checklist_items"."section" in ('stand', 'remoteChannels', 'comfort', 'premises', 'services')),
	CONSTRAINT "checklist_items_declared_check" CHECK ("checklist_items"."declared_answer" in ('yes', 'no', 'na')),
	CONSTRAINT "checklist_items_confirmed_check" CHECK ("checklist_items"."confirmed_answer" in ('yes', 'no', 'na')),
	CONSTRAINT "checklist_items_declared_reason_check" CHECK ("checklist_items"."declared_answer" <> 'na' or "checklist_items"."declared_reason" is not null),
	CONSTRAINT "checklist_items_confirmed_reason_check" CHECK ("checklist_items"."confirmed_answer" <> 'na' or "checklist_items"."confirmed_reason" is not null),
	CONSTRAINT "checklist_items_listed_reason_check" CHECK ("checklist_items"."listed" is null or "checklist_items"."listed_monitor" is null or "checklist_items"."listed" = "checklist_items"."listed_monitor" or "checklist_items"."listed_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "checklists" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "checklists_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"campaign_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"site_present" integer,
	"site_required" integer,
	"site_reason" text,
	"site_override_by_id" integer,
	"site_override_at" timestamp with time zone,
	"self_reported_at" timestamp with time zone,
	"self_reported_by_id" integer,
	"review_started_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"confirmed_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checklists_campaign_organization_unique" UNIQUE("campaign_id","organization_id"),
	CONSTRAINT "checklists_status_check" CHECK ("checklists"."status" in ('draft', 'self_reported', 'in_review', 'confirmed')),
	CONSTRAINT "checklists_site_override_check" CHECK (("checklists"."site_present" is null) = ("checklists"."site_required" is null)
        and ("checklists"."site_present" is null) = ("checklists"."site_reason" is null)
        and ("checklists"."site_required" is null or ("checklists"."site_required" >= 1 and "checklists"."site_present" between 0 and "checklists"."site_required"))),
	CONSTRAINT "checklists_confirmed_check" CHECK (("checklists"."status" = 'confirmed') = ("checklists"."confirmed_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "checklist_channel_tests" ADD CONSTRAINT "checklist_channel_tests_checklist_id_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."checklists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_channel_tests" ADD CONSTRAINT "checklist_channel_tests_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_evidence" ADD CONSTRAINT "checklist_evidence_checklist_id_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."checklists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_evidence" ADD CONSTRAINT "checklist_evidence_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_evidence" ADD CONSTRAINT "checklist_evidence_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_items" ADD CONSTRAINT "checklist_items_checklist_id_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."checklists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_items" ADD CONSTRAINT "checklist_items_declared_by_id_users_id_fk" FOREIGN KEY ("declared_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_items" ADD CONSTRAINT "checklist_items_confirmed_by_id_users_id_fk" FOREIGN KEY ("confirmed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklists" ADD CONSTRAINT "checklists_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklists" ADD CONSTRAINT "checklists_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklists" ADD CONSTRAINT "checklists_site_override_by_id_users_id_fk" FOREIGN KEY ("site_override_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklists" ADD CONSTRAINT "checklists_self_reported_by_id_users_id_fk" FOREIGN KEY ("self_reported_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklists" ADD CONSTRAINT "checklists_confirmed_by_id_users_id_fk" FOREIGN KEY ("confirmed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklists" ADD CONSTRAINT "checklists_campaign_organization_fk" FOREIGN KEY ("campaign_id","organization_id") REFERENCES "public"."campaign_organizations"("campaign_id","organization_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checklist_evidence_checklist_idx" ON "checklist_evidence" USING btree ("checklist_id","section","item_key");--> statement-breakpoint
CREATE INDEX "checklists_organization_id_idx" ON "checklists" USING btree ("organization_id");