CREATE TABLE "indicator_settings" (
	"indicator_id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"responsible_unit_id" uuid,
	"frequency" text DEFAULT 'year' NOT NULL,
	"due_days" integer,
	"target_kind" text,
	"tolerance" double precision,
	"is_sample" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_settings_frequency_ck" CHECK ("indicator_settings"."frequency" in ('year', 'half', 'quarter', 'month')),
	CONSTRAINT "indicator_settings_due_ck" CHECK ("indicator_settings"."due_days" is null or "indicator_settings"."due_days" between 0 and 366),
	CONSTRAINT "indicator_settings_tolerance_ck" CHECK ("indicator_settings"."tolerance" is null or ("indicator_settings"."tolerance" >= 0 and "indicator_settings"."tolerance" <= 1))
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"period_kind" text NOT NULL,
	"data_year" integer NOT NULL,
	"period_sort" integer NOT NULL,
	"source" text NOT NULL,
	"report_id" uuid,
	"unit_id" uuid,
	"value" double precision NOT NULL,
	"measure_unit" text,
	"caliber_note" text,
	"comment" text,
	"explanation" text,
	"is_official" boolean DEFAULT false NOT NULL,
	"official_reason" text,
	"entered_by" text NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_values_source_ck" CHECK ("indicator_values"."source" in ('unit', 'statistics', 'register')),
	CONSTRAINT "indicator_values_report_ck" CHECK (("indicator_values"."source" = 'unit') = ("indicator_values"."report_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"period" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"reason" text,
	"submitted_by" text,
	"submitted_at" timestamp with time zone,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"is_sample" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_state_ck" CHECK ("reports"."state" in ('draft', 'submitted', 'returned', 'approved'))
);
--> statement-breakpoint
CREATE TABLE "sample_units" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spot_checks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"value_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"drawn_by" text NOT NULL,
	"outcome" text,
	"note" text,
	"checked_by" text,
	"checked_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "spot_checks_outcome_ck" CHECK ("spot_checks"."outcome" is null or "spot_checks"."outcome" in ('confirmed', 'discrepancy'))
);
--> statement-breakpoint
CREATE TABLE "value_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"value_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"file_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicator_settings" ADD CONSTRAINT "indicator_settings_indicator_id_plan_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."plan_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_settings" ADD CONSTRAINT "indicator_settings_unit_fk" FOREIGN KEY ("responsible_unit_id","county_id") REFERENCES "public"."units"("id","county_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_plan_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."plan_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_unit_fk" FOREIGN KEY ("unit_id","county_id") REFERENCES "public"."units"("id","county_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_checks" ADD CONSTRAINT "spot_checks_value_id_indicator_values_id_fk" FOREIGN KEY ("value_id") REFERENCES "public"."indicator_values"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_attachments" ADD CONSTRAINT "value_attachments_value_id_indicator_values_id_fk" FOREIGN KEY ("value_id") REFERENCES "public"."indicator_values"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_settings_unit_idx" ON "indicator_settings" USING btree ("county_id","responsible_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_values_source_uq" ON "indicator_values" USING btree ("county_id","indicator_id","period","source");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_values_official_uq" ON "indicator_values" USING btree ("county_id","indicator_id","period") WHERE "indicator_values"."is_official";--> statement-breakpoint
CREATE INDEX "indicator_values_status_idx" ON "indicator_values" USING btree ("county_id","indicator_id","period_sort") WHERE "indicator_values"."is_official";--> statement-breakpoint
CREATE INDEX "indicator_values_report_idx" ON "indicator_values" USING btree ("county_id","report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_unit_period_uq" ON "reports" USING btree ("county_id","unit_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "spot_checks_value_uq" ON "spot_checks" USING btree ("county_id","value_id");--> statement-breakpoint
CREATE INDEX "spot_checks_batch_idx" ON "spot_checks" USING btree ("county_id","batch_id");--> statement-breakpoint
CREATE INDEX "value_attachments_value_idx" ON "value_attachments" USING btree ("county_id","value_id");