CREATE TABLE "accountability_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid NOT NULL,
	"note" text NOT NULL,
	"voids" uuid,
	"automatic" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "accountability_records_kind_check" CHECK ("accountability_records"."kind" IN ('non_implementation', 'buck_passing', 'late_material'))
);
--> statement-breakpoint
CREATE TABLE "consultation_item_cases" (
	"item_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	CONSTRAINT "consultation_item_cases_item_id_case_id_pk" PRIMARY KEY("item_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "consultation_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_unit_id" uuid NOT NULL,
	"session_id" uuid,
	"source" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"category_code" text,
	"place_unit_id" uuid,
	"involved_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" text NOT NULL,
	"principle" text,
	"lead_unit_id" uuid,
	"cooperating_unit_ids" jsonb,
	"basis" text,
	"reasoning" text,
	"rule_id" uuid,
	"ledger_item_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "consultation_items_state_check" CHECK ("consultation_items"."state" IN ('queued', 'on_agenda', 'decided', 'to_leaders', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "consultation_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"content" text NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"month" text,
	"title" text NOT NULL,
	"state" text NOT NULL,
	"meeting_at" timestamp with time zone,
	"location" text,
	"attendance" jsonb,
	"laggards" jsonb,
	"requirements" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"held_at" timestamp with time zone,
	"minutes_issued_at" timestamp with time zone,
	CONSTRAINT "consultation_sessions_kind_check" CHECK ("consultation_sessions"."kind" IN ('monthly', 'extra'))
);
--> statement-breakpoint
CREATE TABLE "ledger_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"source_type" text,
	"source_id" uuid,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"lead_unit_id" uuid NOT NULL,
	"cooperating_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"due_at" timestamp with time zone,
	"report_rule" text,
	"state" text NOT NULL,
	"reopened" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"crossed_off_at" timestamp with time zone,
	"crossed_off_by" uuid,
	CONSTRAINT "ledger_items_state_check" CHECK ("ledger_items"."state" IN ('open', 'crossed_off'))
);
--> statement-breakpoint
CREATE TABLE "ledger_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"period" text NOT NULL,
	"done" boolean NOT NULL,
	"progress" text NOT NULL,
	"explanation" text,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"review" text,
	"review_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "ledger_reports_explanation_check" CHECK ("ledger_reports"."done" OR "ledger_reports"."explanation" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "accountability_records" ADD CONSTRAINT "accountability_records_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_records" ADD CONSTRAINT "accountability_records_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_item_cases" ADD CONSTRAINT "consultation_item_cases_item_id_consultation_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."consultation_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_item_cases" ADD CONSTRAINT "consultation_item_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_items" ADD CONSTRAINT "consultation_items_area_unit_id_org_units_id_fk" FOREIGN KEY ("area_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_items" ADD CONSTRAINT "consultation_items_session_id_consultation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."consultation_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_items" ADD CONSTRAINT "consultation_items_category_code_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_items" ADD CONSTRAINT "consultation_items_place_unit_id_org_units_id_fk" FOREIGN KEY ("place_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_items" ADD CONSTRAINT "consultation_items_lead_unit_id_org_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_items" ADD CONSTRAINT "consultation_items_rule_id_responsibility_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."responsibility_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_items" ADD CONSTRAINT "consultation_items_ledger_item_id_ledger_items_id_fk" FOREIGN KEY ("ledger_item_id") REFERENCES "public"."ledger_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_items" ADD CONSTRAINT "consultation_items_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_materials" ADD CONSTRAINT "consultation_materials_item_id_consultation_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."consultation_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_materials" ADD CONSTRAINT "consultation_materials_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_materials" ADD CONSTRAINT "consultation_materials_submitted_by_accounts_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_sessions" ADD CONSTRAINT "consultation_sessions_area_unit_id_org_units_id_fk" FOREIGN KEY ("area_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_sessions" ADD CONSTRAINT "consultation_sessions_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_items" ADD CONSTRAINT "ledger_items_lead_unit_id_org_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_items" ADD CONSTRAINT "ledger_items_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_items" ADD CONSTRAINT "ledger_items_crossed_off_by_accounts_id_fk" FOREIGN KEY ("crossed_off_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_reports" ADD CONSTRAINT "ledger_reports_item_id_ledger_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."ledger_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_reports" ADD CONSTRAINT "ledger_reports_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_reports" ADD CONSTRAINT "ledger_reports_submitted_by_accounts_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_reports" ADD CONSTRAINT "ledger_reports_reviewed_by_accounts_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accountability_records_unit_idx" ON "accountability_records" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "consultation_item_cases_case_idx" ON "consultation_item_cases" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "consultation_items_session_idx" ON "consultation_items" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "consultation_items_state_idx" ON "consultation_items" USING btree ("area_unit_id","state");--> statement-breakpoint
CREATE INDEX "consultation_materials_item_idx" ON "consultation_materials" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "consultation_sessions_area_idx" ON "consultation_sessions" USING btree ("area_unit_id","month");--> statement-breakpoint
CREATE INDEX "ledger_items_kind_idx" ON "ledger_items" USING btree ("kind","state");--> statement-breakpoint
CREATE INDEX "ledger_items_lead_idx" ON "ledger_items" USING btree ("lead_unit_id");--> statement-breakpoint
CREATE INDEX "ledger_items_source_idx" ON "ledger_items" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE INDEX "ledger_reports_item_idx" ON "ledger_reports" USING btree ("item_id");