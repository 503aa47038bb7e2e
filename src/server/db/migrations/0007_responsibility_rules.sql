CREATE TABLE "responsibility_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category_code" text,
	"area_unit_id" uuid NOT NULL,
	"lead_unit_id" uuid NOT NULL,
	"cooperating_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"principle" text NOT NULL,
	"basis" text NOT NULL,
	"consultation_item_id" uuid,
	"fallback" boolean DEFAULT false NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone,
	"replaces_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "responsibility_rules_principle_check" CHECK ("responsibility_rules"."principle" IN ('statutory', 'negotiated', 'designated')),
	CONSTRAINT "responsibility_rules_fallback_check" CHECK ("responsibility_rules"."fallback" OR "responsibility_rules"."category_code" IS NOT NULL),
	CONSTRAINT "responsibility_rules_validity_check" CHECK ("responsibility_rules"."valid_to" IS NULL OR "responsibility_rules"."valid_to" > "responsibility_rules"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "routing_rule_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "followed_suggestion" boolean;--> statement-breakpoint
ALTER TABLE "case_returns" ADD COLUMN "routing_rule_id" uuid;--> statement-breakpoint
ALTER TABLE "responsibility_rules" ADD CONSTRAINT "responsibility_rules_category_code_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_rules" ADD CONSTRAINT "responsibility_rules_area_unit_id_org_units_id_fk" FOREIGN KEY ("area_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_rules" ADD CONSTRAINT "responsibility_rules_lead_unit_id_org_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_rules" ADD CONSTRAINT "responsibility_rules_replaces_id_responsibility_rules_id_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."responsibility_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_rules" ADD CONSTRAINT "responsibility_rules_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "responsibility_rules_category_area_idx" ON "responsibility_rules" USING btree ("category_code","area_unit_id");--> statement-breakpoint
CREATE INDEX "responsibility_rules_area_idx" ON "responsibility_rules" USING btree ("area_unit_id");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_routing_rule_id_responsibility_rules_id_fk" FOREIGN KEY ("routing_rule_id") REFERENCES "public"."responsibility_rules"("id") ON DELETE no action ON UPDATE no action;