-- plan_frame_stamps (see src/db/schema/monitoring.ts): every change to what the municipal comparison reads about a
-- county's plans moves that county's stamp to a fresh number from one sequence, so a stamp is never reused.
-- Triggers rather than service code: plan import, re-import, corrections, settings, renames and any future write
-- path all move it without knowing about it.
CREATE SEQUENCE plan_frame_stamp_seq;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION plan_frame_touch(county uuid) RETURNS void AS $$
BEGIN
  INSERT INTO plan_frame_stamps (county_id, stamp) VALUES (county, nextval('plan_frame_stamp_seq'))
  ON CONFLICT (county_id) DO UPDATE SET stamp = excluded.stamp;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION plan_frame_touch_row() RETURNS trigger AS $$
BEGIN
  IF TG_TABLE_NAME = 'counties' THEN
    PERFORM plan_frame_touch(NEW.id);
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM plan_frame_touch(OLD.county_id);
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.county_id IS DISTINCT FROM OLD.county_id) THEN
    PERFORM plan_frame_touch(NEW.county_id);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- TRUNCATE names no rows: every county's stamp moves.
CREATE OR REPLACE FUNCTION plan_frame_touch_all() RETURNS trigger AS $$
BEGIN
  UPDATE plan_frame_stamps SET stamp = nextval('plan_frame_stamp_seq');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER plans_frame_stamp AFTER INSERT OR UPDATE OR DELETE ON plans
  FOR EACH ROW EXECUTE FUNCTION plan_frame_touch_row();
--> statement-breakpoint
CREATE TRIGGER plan_indicators_frame_stamp AFTER INSERT OR UPDATE OR DELETE ON plan_indicators
  FOR EACH ROW EXECUTE FUNCTION plan_frame_touch_row();
--> statement-breakpoint
CREATE TRIGGER indicator_settings_frame_stamp AFTER INSERT OR DELETE ON indicator_settings
  FOR EACH ROW EXECUTE FUNCTION plan_frame_touch_row();
--> statement-breakpoint
-- Only the settings the comparison reads (target kind, tolerance): reassigning a responsible unit leaves it alone.
-- Settings are saved by upsert naming every column, so the test is on the values, not on UPDATE OF.
CREATE TRIGGER indicator_settings_frame_stamp_update AFTER UPDATE ON indicator_settings
  FOR EACH ROW WHEN (OLD.target_kind IS DISTINCT FROM NEW.target_kind OR OLD.tolerance IS DISTINCT FROM NEW.tolerance
    OR OLD.indicator_id IS DISTINCT FROM NEW.indicator_id OR OLD.county_id IS DISTINCT FROM NEW.county_id)
  EXECUTE FUNCTION plan_frame_touch_row();
--> statement-breakpoint
CREATE TRIGGER counties_frame_stamp AFTER UPDATE ON counties
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION plan_frame_touch_row();
--> statement-breakpoint
CREATE TRIGGER plans_frame_stamp_truncate AFTER TRUNCATE ON plans
  FOR EACH STATEMENT EXECUTE FUNCTION plan_frame_touch_all();
--> statement-breakpoint
CREATE TRIGGER plan_indicators_frame_stamp_truncate AFTER TRUNCATE ON plan_indicators
  FOR EACH STATEMENT EXECUTE FUNCTION plan_frame_touch_all();
--> statement-breakpoint
CREATE TRIGGER indicator_settings_frame_stamp_truncate AFTER TRUNCATE ON indicator_settings
  FOR EACH STATEMENT EXECUTE FUNCTION plan_frame_touch_all();
--> statement-breakpoint
-- Databases made before this migration: every county with a plan gets its first stamp.
INSERT INTO plan_frame_stamps (county_id, stamp)
  SELECT county_id, nextval('plan_frame_stamp_seq') FROM (SELECT DISTINCT county_id FROM plans) AS planned;
