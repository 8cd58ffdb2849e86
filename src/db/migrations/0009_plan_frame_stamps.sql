CREATE TABLE "plan_frame_stamps" (
	"county_id" uuid PRIMARY KEY NOT NULL,
	"stamp" bigint NOT NULL
);
