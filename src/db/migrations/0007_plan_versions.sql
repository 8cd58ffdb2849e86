ALTER TABLE "plans" ADD COLUMN "supersedes_plan_id" uuid;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_supersedes_plan_id_plans_id_fk" FOREIGN KEY ("supersedes_plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plans_supersedes_uq" ON "plans" USING btree ("supersedes_plan_id");