CREATE TABLE "ledger_project_years" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"planned_investment" numeric(16, 2),
	"completed_investment" numeric(16, 2),
	"image_progress" text DEFAULT '' NOT NULL,
	"percent_done" double precision,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_project_years_percent_ck" CHECK ("ledger_project_years"."percent_done" is null or ("ledger_project_years"."percent_done" >= 0 and "ledger_project_years"."percent_done" <= 100)),
	CONSTRAINT "ledger_project_years_money_ck" CHECK (coalesce("ledger_project_years"."planned_investment", 0) >= 0 and coalesce("ledger_project_years"."completed_investment", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_projects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"plan_id" uuid,
	"source_project_id" uuid,
	"seq" text,
	"category" text,
	"name" text NOT NULL,
	"lead_unit_name" text,
	"lead_unit_id" uuid,
	"site" text,
	"nature" text,
	"content" text DEFAULT '' NOT NULL,
	"total_investment" numeric(16, 2),
	"start_year" integer,
	"end_year" integer,
	"done_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"task_id" uuid,
	"project_id" uuid,
	"name" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"evidence" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "milestones_owner_ck" CHECK (("milestones"."task_id" is null) <> ("milestones"."project_id" is null))
);
--> statement-breakpoint
CREATE TABLE "notification_emails" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid,
	"email" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"order_id" uuid,
	"email_status" text DEFAULT 'none' NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_email_ck" CHECK ("notifications"."email_status" in ('none', 'pending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "supervision_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"item_kind" text NOT NULL,
	"item_id" uuid NOT NULL,
	"item_title" text NOT NULL,
	"unit_id" uuid,
	"colour" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"state" text DEFAULT 'issued' NOT NULL,
	"issued_on" date NOT NULL,
	"issued_by" text NOT NULL,
	"sign_due_on" date NOT NULL,
	"reply_due_on" date NOT NULL,
	"signed_at" timestamp with time zone,
	"signed_by" text,
	"reply_text" text,
	"replied_on" date,
	"replied_by" text,
	"replied_on_time" boolean,
	"review_note" text,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"end_note" text,
	"escalated_from_id" uuid,
	"overdue" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supervision_orders_kind_ck" CHECK ("supervision_orders"."item_kind" in ('task', 'project', 'indicator')),
	CONSTRAINT "supervision_orders_colour_ck" CHECK ("supervision_orders"."colour" in ('blue', 'yellow', 'red')),
	CONSTRAINT "supervision_orders_state_ck" CHECK ("supervision_orders"."state" in ('issued', 'signed', 'replied', 'closed', 'escalated', 'resolved'))
);
--> statement-breakpoint
CREATE TABLE "supervision_settings" (
	"county_id" uuid PRIMARY KEY NOT NULL,
	"colour_rules" jsonb NOT NULL,
	"assessment_weights" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_candidates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text,
	"text" text NOT NULL,
	"outline" jsonb NOT NULL,
	"line" integer,
	"box_number" integer,
	"box_title" text,
	"box_item" integer,
	"state" text DEFAULT 'proposed' NOT NULL,
	"task_id" uuid,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_candidates_kind_ck" CHECK ("task_candidates"."kind" in ('box-item', 'paragraph')),
	CONSTRAINT "task_candidates_state_ck" CHECK ("task_candidates"."state" in ('proposed', 'accepted', 'merged', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "task_indicators" (
	"county_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	CONSTRAINT "task_indicators_pk" PRIMARY KEY("county_id","task_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "task_report_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"file_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"period" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"percent_done" double precision,
	"state" text DEFAULT 'draft' NOT NULL,
	"reason" text,
	"due_on" date,
	"submitted_by" text,
	"submitted_at" timestamp with time zone,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_reports_state_ck" CHECK ("task_reports"."state" in ('draft', 'submitted', 'returned', 'approved')),
	CONSTRAINT "task_reports_percent_ck" CHECK ("task_reports"."percent_done" is null or ("task_reports"."percent_done" >= 0 and "task_reports"."percent_done" <= 100))
);
--> statement-breakpoint
CREATE TABLE "task_units" (
	"county_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "task_units_pk" PRIMARY KEY("county_id","task_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"plan_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"outline" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lead_unit_id" uuid,
	"supervising_unit_id" uuid,
	"start_on" date NOT NULL,
	"deadline" date,
	"state" text DEFAULT 'active' NOT NULL,
	"done_on" date,
	"percent_done" double precision,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_state_ck" CHECK ("tasks"."state" in ('active', 'done')),
	CONSTRAINT "tasks_done_ck" CHECK (("tasks"."state" = 'done') = ("tasks"."done_on" is not null)),
	CONSTRAINT "tasks_percent_ck" CHECK ("tasks"."percent_done" is null or ("tasks"."percent_done" >= 0 and "tasks"."percent_done" <= 100))
);
--> statement-breakpoint
ALTER TABLE "ledger_project_years" ADD CONSTRAINT "ledger_project_years_project_id_ledger_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."ledger_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_projects" ADD CONSTRAINT "ledger_projects_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_projects" ADD CONSTRAINT "ledger_projects_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_projects" ADD CONSTRAINT "ledger_projects_source_project_id_plan_projects_id_fk" FOREIGN KEY ("source_project_id") REFERENCES "public"."plan_projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_projects" ADD CONSTRAINT "ledger_projects_lead_unit_fk" FOREIGN KEY ("lead_unit_id","county_id") REFERENCES "public"."units"("id","county_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_project_id_ledger_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."ledger_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_emails" ADD CONSTRAINT "notification_emails_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_order_id_supervision_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."supervision_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD CONSTRAINT "supervision_orders_unit_fk" FOREIGN KEY ("unit_id","county_id") REFERENCES "public"."units"("id","county_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_settings" ADD CONSTRAINT "supervision_settings_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_candidates" ADD CONSTRAINT "task_candidates_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_indicators" ADD CONSTRAINT "task_indicators_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_indicators" ADD CONSTRAINT "task_indicators_indicator_id_plan_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."plan_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_report_attachments" ADD CONSTRAINT "task_report_attachments_report_id_task_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."task_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reports" ADD CONSTRAINT "task_reports_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reports" ADD CONSTRAINT "task_reports_unit_fk" FOREIGN KEY ("unit_id","county_id") REFERENCES "public"."units"("id","county_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_units" ADD CONSTRAINT "task_units_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_units" ADD CONSTRAINT "task_units_unit_fk" FOREIGN KEY ("unit_id","county_id") REFERENCES "public"."units"("id","county_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_lead_unit_fk" FOREIGN KEY ("lead_unit_id","county_id") REFERENCES "public"."units"("id","county_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_supervising_unit_fk" FOREIGN KEY ("supervising_unit_id","county_id") REFERENCES "public"."units"("id","county_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_project_years_uq" ON "ledger_project_years" USING btree ("county_id","project_id","year");--> statement-breakpoint
CREATE INDEX "ledger_projects_county_idx" ON "ledger_projects" USING btree ("county_id","plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_projects_source_uq" ON "ledger_projects" USING btree ("county_id","source_project_id");--> statement-breakpoint
CREATE INDEX "milestones_task_idx" ON "milestones" USING btree ("county_id","task_id");--> statement-breakpoint
CREATE INDEX "milestones_project_idx" ON "milestones" USING btree ("county_id","project_id");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "supervision_orders_county_idx" ON "supervision_orders" USING btree ("county_id","state");--> statement-breakpoint
CREATE INDEX "supervision_orders_unit_idx" ON "supervision_orders" USING btree ("county_id","unit_id");--> statement-breakpoint
CREATE INDEX "supervision_orders_item_idx" ON "supervision_orders" USING btree ("county_id","item_kind","item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_orders_open_uq" ON "supervision_orders" USING btree ("county_id","item_kind","item_id") WHERE "supervision_orders"."state" in ('issued', 'signed', 'replied');--> statement-breakpoint
CREATE UNIQUE INDEX "task_candidates_plan_ordinal_uq" ON "task_candidates" USING btree ("county_id","plan_id","ordinal");--> statement-breakpoint
CREATE INDEX "task_candidates_task_idx" ON "task_candidates" USING btree ("county_id","task_id");--> statement-breakpoint
CREATE INDEX "task_report_attachments_report_idx" ON "task_report_attachments" USING btree ("county_id","report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "task_reports_uq" ON "task_reports" USING btree ("county_id","task_id","unit_id","period");--> statement-breakpoint
CREATE INDEX "task_reports_unit_idx" ON "task_reports" USING btree ("county_id","unit_id");--> statement-breakpoint
CREATE INDEX "task_units_unit_idx" ON "task_units" USING btree ("county_id","unit_id");--> statement-breakpoint
CREATE INDEX "tasks_county_idx" ON "tasks" USING btree ("county_id","plan_id");--> statement-breakpoint
CREATE INDEX "tasks_lead_idx" ON "tasks" USING btree ("county_id","lead_unit_id");