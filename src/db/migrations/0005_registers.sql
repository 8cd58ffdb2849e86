CREATE TABLE "certifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"revoked_on" date,
	"revoke_reason" text,
	"evaluation_id" uuid,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certifications_dates_ck" CHECK ("certifications"."valid_until" >= "certifications"."issued_on")
);
--> statement-breakpoint
CREATE TABLE "commissioner_assessments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"commissioner_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"rule_pack_id" uuid NOT NULL,
	"rule_pack_version" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"total" double precision NOT NULL,
	"grade" text NOT NULL,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commissioner_dispatches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"commissioner_id" uuid NOT NULL,
	"town" text,
	"enterprise_id" uuid,
	"service_object" text NOT NULL,
	"agreement_number" text NOT NULL,
	"agreement_signed_on" date NOT NULL,
	"tasks" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commissioner_dispatches_id_county_uq" UNIQUE("id","county_id"),
	CONSTRAINT "commissioner_dispatches_dates_ck" CHECK ("commissioner_dispatches"."end_on" is null or "commissioner_dispatches"."end_on" >= "commissioner_dispatches"."start_on")
);
--> statement-breakpoint
CREATE TABLE "commissioner_service_logs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"commissioner_id" uuid NOT NULL,
	"dispatch_id" uuid,
	"served_on" date NOT NULL,
	"place" text NOT NULL,
	"content" text NOT NULL,
	"confirmed_by" text,
	"confirmed_at" timestamp with time zone,
	"entered_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commissioner_service_logs_id_county_uq" UNIQUE("id","county_id")
);
--> statement-breakpoint
CREATE TABLE "commissioners" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"type" text NOT NULL,
	"dispatching_unit" text NOT NULL,
	"title" text,
	"field" text,
	"phone" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commissioners_id_county_uq" UNIQUE("id","county_id")
);
--> statement-breakpoint
CREATE TABLE "enterprise_evaluations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"evaluated_on" date NOT NULL,
	"rule_pack_id" uuid NOT NULL,
	"rule_pack_version" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"outcome" text NOT NULL,
	"score_min" double precision,
	"score_max" double precision,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_figures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"employees" integer,
	"tech_staff" integer,
	"rd_staff" integer,
	"sales_revenue" double precision,
	"main_business_revenue" double precision,
	"total_income" double precision,
	"costs" double precision,
	"rd_expense" double precision,
	"rd_expense_domestic" double precision,
	"hi_tech_revenue" double precision,
	"total_assets" double precision,
	"total_liabilities" double precision,
	"net_assets" double precision,
	"net_profit" double precision,
	"ip_class1" integer,
	"ip_class2" integer,
	"ip_class1_high_value" integer,
	"ip_class1_self_developed" integer,
	"conversions" integer,
	"updated_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_figures_year_ck" CHECK ("enterprise_figures"."year" between 1990 and 2100)
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"uscc" text NOT NULL,
	"name" text NOT NULL,
	"town" text,
	"industry" text,
	"size" text,
	"established_on" date,
	"listed_on" date NOT NULL,
	"removed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprises_id_county_uq" UNIQUE("id","county_id"),
	CONSTRAINT "enterprises_size_ck" CHECK ("enterprises"."size" is null or "enterprises"."size" in ('大型', '中型', '小型', '微型'))
);
--> statement-breakpoint
CREATE TABLE "platforms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"host_name" text NOT NULL,
	"host_enterprise_id" uuid,
	"recognised_on" date NOT NULL,
	"revoked_on" date,
	"doc_number" text,
	"field" text,
	"area" double precision,
	"tenant_count" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platforms_dates_ck" CHECK ("platforms"."revoked_on" is null or "platforms"."revoked_on" >= "platforms"."recognised_on"),
	CONSTRAINT "platforms_numbers_ck" CHECK (("platforms"."area" is null or "platforms"."area" >= 0) and ("platforms"."tenant_count" is null or "platforms"."tenant_count" >= 0))
);
--> statement-breakpoint
CREATE TABLE "register_bindings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"params" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_figures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"binding_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"value" double precision NOT NULL,
	"indicator_value" double precision NOT NULL,
	"unit" text NOT NULL,
	"description" text NOT NULL,
	"records" jsonb NOT NULL,
	"value_id" uuid,
	"computed_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rule_packs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"version" text NOT NULL,
	"title" text NOT NULL,
	"doc_number" text NOT NULL,
	"source_url" text NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"reliability" text NOT NULL,
	"params" jsonb NOT NULL,
	"builtin" boolean DEFAULT false NOT NULL,
	"published_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_log_photos" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"log_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"file_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tech_contracts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"registration_number" text NOT NULL,
	"registered_on" date NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"seller_name" text NOT NULL,
	"seller_region" text,
	"seller_in_county" boolean NOT NULL,
	"buyer_name" text NOT NULL,
	"buyer_region" text,
	"buyer_in_county" boolean NOT NULL,
	"contract_amount" numeric(18, 4) NOT NULL,
	"technology_amount" numeric(18, 4) NOT NULL,
	"enterprise_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tech_contracts_type_ck" CHECK ("tech_contracts"."type" in ('技术开发', '技术转让', '技术许可', '技术咨询', '技术服务')),
	CONSTRAINT "tech_contracts_amounts_ck" CHECK ("tech_contracts"."contract_amount" >= 0 and "tech_contracts"."technology_amount" >= 0 and "tech_contracts"."technology_amount" <= "tech_contracts"."contract_amount"),
	CONSTRAINT "tech_contracts_side_ck" CHECK ("tech_contracts"."seller_in_county" or "tech_contracts"."buyer_in_county")
);
--> statement-breakpoint
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_evaluation_id_enterprise_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."enterprise_evaluations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_enterprise_fk" FOREIGN KEY ("enterprise_id","county_id") REFERENCES "public"."enterprises"("id","county_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioner_assessments" ADD CONSTRAINT "commissioner_assessments_rule_pack_id_rule_packs_id_fk" FOREIGN KEY ("rule_pack_id") REFERENCES "public"."rule_packs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioner_assessments" ADD CONSTRAINT "commissioner_assessments_commissioner_fk" FOREIGN KEY ("commissioner_id","county_id") REFERENCES "public"."commissioners"("id","county_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioner_dispatches" ADD CONSTRAINT "commissioner_dispatches_commissioner_fk" FOREIGN KEY ("commissioner_id","county_id") REFERENCES "public"."commissioners"("id","county_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioner_dispatches" ADD CONSTRAINT "commissioner_dispatches_enterprise_fk" FOREIGN KEY ("enterprise_id","county_id") REFERENCES "public"."enterprises"("id","county_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioner_service_logs" ADD CONSTRAINT "commissioner_service_logs_commissioner_fk" FOREIGN KEY ("commissioner_id","county_id") REFERENCES "public"."commissioners"("id","county_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioner_service_logs" ADD CONSTRAINT "commissioner_service_logs_dispatch_fk" FOREIGN KEY ("dispatch_id","county_id") REFERENCES "public"."commissioner_dispatches"("id","county_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioners" ADD CONSTRAINT "commissioners_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_evaluations" ADD CONSTRAINT "enterprise_evaluations_rule_pack_id_rule_packs_id_fk" FOREIGN KEY ("rule_pack_id") REFERENCES "public"."rule_packs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_evaluations" ADD CONSTRAINT "enterprise_evaluations_enterprise_fk" FOREIGN KEY ("enterprise_id","county_id") REFERENCES "public"."enterprises"("id","county_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_figures" ADD CONSTRAINT "enterprise_figures_enterprise_fk" FOREIGN KEY ("enterprise_id","county_id") REFERENCES "public"."enterprises"("id","county_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platforms" ADD CONSTRAINT "platforms_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platforms" ADD CONSTRAINT "platforms_host_fk" FOREIGN KEY ("host_enterprise_id","county_id") REFERENCES "public"."enterprises"("id","county_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_bindings" ADD CONSTRAINT "register_bindings_indicator_id_plan_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."plan_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_figures" ADD CONSTRAINT "register_figures_binding_id_register_bindings_id_fk" FOREIGN KEY ("binding_id") REFERENCES "public"."register_bindings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_log_photos" ADD CONSTRAINT "service_log_photos_log_fk" FOREIGN KEY ("log_id","county_id") REFERENCES "public"."commissioner_service_logs"("id","county_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD CONSTRAINT "tech_contracts_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD CONSTRAINT "tech_contracts_enterprise_fk" FOREIGN KEY ("enterprise_id","county_id") REFERENCES "public"."enterprises"("id","county_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certifications_number_uq" ON "certifications" USING btree ("county_id","kind","number");--> statement-breakpoint
CREATE INDEX "certifications_enterprise_idx" ON "certifications" USING btree ("county_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "certifications_valid_idx" ON "certifications" USING btree ("county_id","kind","valid_until");--> statement-breakpoint
CREATE INDEX "commissioner_assessments_idx" ON "commissioner_assessments" USING btree ("county_id","commissioner_id","year");--> statement-breakpoint
CREATE INDEX "commissioner_dispatches_idx" ON "commissioner_dispatches" USING btree ("county_id","commissioner_id");--> statement-breakpoint
CREATE INDEX "commissioner_service_logs_idx" ON "commissioner_service_logs" USING btree ("county_id","commissioner_id","served_on");--> statement-breakpoint
CREATE INDEX "commissioners_county_idx" ON "commissioners" USING btree ("county_id","level");--> statement-breakpoint
CREATE INDEX "enterprise_evaluations_enterprise_idx" ON "enterprise_evaluations" USING btree ("county_id","enterprise_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprise_figures_year_uq" ON "enterprise_figures" USING btree ("county_id","enterprise_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprises_county_uscc_uq" ON "enterprises" USING btree ("county_id","uscc");--> statement-breakpoint
CREATE INDEX "enterprises_county_name_idx" ON "enterprises" USING btree ("county_id","name");--> statement-breakpoint
CREATE INDEX "platforms_county_idx" ON "platforms" USING btree ("county_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "register_bindings_indicator_uq" ON "register_bindings" USING btree ("county_id","indicator_id");--> statement-breakpoint
CREATE INDEX "register_figures_idx" ON "register_figures" USING btree ("county_id","indicator_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "rule_packs_kind_version_uq" ON "rule_packs" USING btree ("kind","version");--> statement-breakpoint
CREATE INDEX "service_log_photos_log_idx" ON "service_log_photos" USING btree ("county_id","log_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tech_contracts_number_uq" ON "tech_contracts" USING btree ("county_id","registration_number");--> statement-breakpoint
CREATE INDEX "tech_contracts_registered_idx" ON "tech_contracts" USING btree ("county_id","registered_on");