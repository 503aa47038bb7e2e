CREATE TABLE "case_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"unit_ids" jsonb NOT NULL,
	"decision" text,
	"minutes" text,
	"decided_by_leader" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_records_kind_check" CHECK ("case_records"."kind" IN ('joint_consultation', 'mediation_referral'))
);
--> statement-breakpoint
CREATE TABLE "case_returns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"returned_at" timestamp with time zone NOT NULL,
	"decision" text,
	"counts_against" text,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "case_spot_check_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"spot_check_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"complex" boolean NOT NULL,
	"verdict" text,
	"comment" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "case_spot_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope_unit_id" uuid NOT NULL,
	"period_from" timestamp with time zone NOT NULL,
	"period_to" timestamp with time zone NOT NULL,
	"sample_size" integer NOT NULL,
	"seed" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"state" text NOT NULL,
	"result" text,
	"created_at" timestamp with time zone NOT NULL,
	"signed_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	CONSTRAINT "case_tasks_state_check" CHECK ("case_tasks"."state" IN ('dispatched', 'signed', 'done', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"uploaded_by" uuid,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text,
	"subject_type" text,
	"subject_id" uuid,
	"purpose" text,
	"lat" double precision,
	"lng" double precision,
	"created_at" timestamp with time zone NOT NULL,
	"attached_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "intake_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"channel" text NOT NULL,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"area_unit_id" uuid NOT NULL,
	"open311" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"disabled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"code" text PRIMARY KEY NOT NULL,
	"parent_code" text,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"sla_class" text,
	"keywords" text DEFAULT '' NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "categories_sla_check" CHECK ("categories"."sla_class" IS NULL OR "categories"."sla_class" IN ('livelihood', 'simple', 'general', 'complex'))
);
--> statement-breakpoint
-- Reference data: the shipped category catalogue (src/server/modules/routing/category-catalogue.ts).
INSERT INTO "categories" ("code", "parent_code", "name_zh", "name_en", "sla_class", "keywords", "sort") VALUES
('utility', NULL, '公用事业', 'Public utilities', NULL, '', 1),
('utility.water', 'utility', '供水', 'Water supply', 'livelihood', '停水 水管 漏水 自来水', 2),
('utility.power', 'utility', '供电', 'Power supply', 'livelihood', '停电 电线 电表', 3),
('utility.gas', 'utility', '燃气', 'Gas', 'livelihood', '煤气 天然气 漏气', 4),
('utility.heating', 'utility', '供暖', 'Heating', 'livelihood', '暖气 供热 不热', 5),
('utility.telecom', 'utility', '网络通讯', 'Telecom and network', 'general', '宽带 信号 电话', 6),
('utility.cable_tv', 'utility', '有线电视', 'Cable TV', 'general', '电视 信号', 7),
('transport', NULL, '公共交通', 'Public transport', NULL, '', 8),
('transport.bus', 'transport', '公交车', 'Buses', 'general', '公交 站牌 线路', 9),
('transport.taxi', 'transport', '出租车', 'Taxis', 'general', '出租 拒载', 10),
('environment', NULL, '环境卫生', 'Environment and sanitation', NULL, '', 11),
('environment.landscaping', 'environment', '园林绿化', 'Landscaping', 'general', '树木 绿化 草坪', 12),
('environment.sanitation', 'environment', '环卫保洁', 'Sanitation', 'simple', '垃圾 保洁 公厕', 13),
('environment.pollution', 'environment', '环境保护', 'Environmental protection', 'general', '污染 噪音 排污 油烟', 14),
('safety', NULL, '安全隐患', 'Safety', NULL, '', 15),
('safety.work', 'safety', '安全生产', 'Work safety', 'complex', '企业 生产 事故', 16),
('safety.hazard', 'safety', '安全隐患', 'Safety hazards', 'simple', '隐患 井盖 消防', 17),
('safety.housing', 'safety', '房屋安全', 'Housing safety', 'general', '危房 裂缝', 18),
('dispute', NULL, '矛盾纠纷', 'Disputes', NULL, '', 19),
('dispute.neighbour', 'dispute', '邻里纠纷', 'Neighbour disputes', 'general', '邻居 吵架', 20),
('dispute.labour', 'dispute', '劳资纠纷', 'Labour disputes', 'complex', '欠薪 工资', 21),
('dispute.land', 'dispute', '土地纠纷', 'Land disputes', 'complex', '宅基地 承包地', 22),
('dispute.property', 'dispute', '物业纠纷', 'Property management disputes', 'general', '物业 小区', 23),
('service', NULL, '公共服务', 'Public services', NULL, '', 24),
('service.legal_aid', 'service', '法律援助', 'Legal aid', 'general', '法律 律师 援助', 25),
('service.social', 'service', '社会保障', 'Social security', 'general', '低保 养老 医保', 26),
('service.other', 'service', '其他公共服务', 'Other public services', 'general', '', 27),
('management', NULL, '公共管理', 'Public management', NULL, '', 28),
('management.public', 'management', '公共管理', 'Public management', 'general', '', 29),
('management.complex', 'management', '复杂疑难事项', 'Complex matters beyond a township', 'complex', '协调 多部门', 30),
('city', NULL, '城市管理（数字城管）', 'City management (digital city management)', NULL, '', 31),
('city.cityscape', 'city', '市容环境', 'Cityscape and environment', 'simple', '暴露垃圾 乱堆 积存', 32),
('city.advertising', 'city', '宣传广告', 'Posters and advertising', 'simple', '小广告 招牌 横幅', 33),
('city.construction', 'city', '施工管理', 'Construction management', 'general', '工地 渣土 围挡', 34),
('city.street_order', 'city', '街面秩序', 'Street order', 'simple', '占道 摆摊 乱停', 35),
('city.emergency', 'city', '突发事件', 'Sudden incidents', 'livelihood', '突发 塌陷 爆管 火情', 36),
('city.other', 'city', '其他事件', 'Other incidents', 'general', '', 37);--> statement-breakpoint
-- Categories of cases raised before the catalogue existed become retired leaves of 'management'.
INSERT INTO "categories" ("code", "parent_code", "name_zh", "name_en", "sla_class", "retired_at")
SELECT DISTINCT "category", 'management', "category", "category", 'general', now() FROM "cases"
ON CONFLICT ("code") DO NOTHING;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "raised_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "source_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "source_ref" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "joint_enforcement" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "case_records" ADD CONSTRAINT "case_records_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_records" ADD CONSTRAINT "case_records_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_returns" ADD CONSTRAINT "case_returns_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_returns" ADD CONSTRAINT "case_returns_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_spot_check_items" ADD CONSTRAINT "case_spot_check_items_spot_check_id_case_spot_checks_id_fk" FOREIGN KEY ("spot_check_id") REFERENCES "public"."case_spot_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_spot_check_items" ADD CONSTRAINT "case_spot_check_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_spot_check_items" ADD CONSTRAINT "case_spot_check_items_reviewed_by_accounts_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_spot_checks" ADD CONSTRAINT "case_spot_checks_scope_unit_id_org_units_id_fk" FOREIGN KEY ("scope_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_spot_checks" ADD CONSTRAINT "case_spot_checks_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_uploaded_by_accounts_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_sources" ADD CONSTRAINT "intake_sources_area_unit_id_org_units_id_fk" FOREIGN KEY ("area_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_parent_code_categories_code_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_records_case_idx" ON "case_records" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_returns_case_idx" ON "case_returns" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_returns_unit_idx" ON "case_returns" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "case_spot_check_items_check_idx" ON "case_spot_check_items" USING btree ("spot_check_id");--> statement-breakpoint
CREATE INDEX "case_tasks_case_idx" ON "case_tasks" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_tasks_unit_idx" ON "case_tasks" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "files_subject_idx" ON "files" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "intake_sources_code_uq" ON "intake_sources" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "intake_sources_key_uq" ON "intake_sources" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "categories_parent_idx" ON "categories" USING btree ("parent_code");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_source_id_intake_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."intake_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_category_categories_code_fk" FOREIGN KEY ("category") REFERENCES "public"."categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_merged_into_id_cases_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_category_created_idx" ON "cases" USING btree ("category","created_at");--> statement-breakpoint
CREATE INDEX "cases_area_idx" ON "cases" USING btree ("area_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_source_ref_uq" ON "cases" USING btree ("source_id","source_ref");