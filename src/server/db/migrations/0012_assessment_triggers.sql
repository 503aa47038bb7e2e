-- A1: settled days of the assessment (assessment_daily) are marked dirty, in the same
-- transaction, by every change that alters their figures (docs/ASSESSMENT.md, "Settled
-- days"). Statement-level triggers with transition tables: one call per statement, set
-- based, so a bulk insert costs one pass over its rows.
--
-- Race with settling: a change takes a shared advisory lock on each day it touches
-- (key 410001, days since 2000-01-01) before looking whether the day is settled; the
-- settler takes the exclusive lock of a day (pg_try_advisory_xact_lock, skipping a day
-- in use) before computing it. So either the change committed before the settler's
-- figures were read, or the change waits for the settler to commit and then sees the
-- day settled and marks it.

-- The Shanghai day of an instant (UTC+8, no daylight saving since 1991).
CREATE FUNCTION luoshi_assessment_day(at timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ((at AT TIME ZONE 'UTC') + interval '8 hours')::date
$$;
--> statement-breakpoint
CREATE FUNCTION luoshi_assessment_mark_dirty(days date[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  d date;
BEGIN
  FOR d IN SELECT DISTINCT x FROM unnest(days) AS x WHERE x IS NOT NULL ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock_shared(410001, d - DATE '2000-01-01');
  END LOOP;
  INSERT INTO assessment_dirty_days (day)
    SELECT s.day FROM assessment_settled_days s WHERE s.day = ANY (days)
  ON CONFLICT (day) DO NOTHING;
END;
$$;
--> statement-breakpoint
-- Obligations: a duty counts on the day of its due time. A new duty marks its due day;
-- a new C8 of a case (a new dispatch) also marks the earlier duties of the case when a
-- return of the case lies after its start (it would cut them off from that return).
CREATE FUNCTION luoshi_assessment_obligations_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM luoshi_assessment_mark_dirty(ARRAY(
    SELECT luoshi_assessment_day(n.due_at) FROM new_rows n
    UNION
    SELECT luoshi_assessment_day(o.due_at)
    FROM new_rows n
    JOIN case_returns r
      ON r.case_id = (CASE WHEN n.subject_type = 'case' AND n.rule_id = 'C8'
                            AND n.subject_id ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
                           THEN n.subject_id::uuid END)
     AND r.returned_at > n.started_at
    JOIN obligations o ON o.subject_type = 'case' AND o.subject_id = n.subject_id
     AND o.rule_id IN ('C8', 'C10') AND o.started_at < n.started_at));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A C8/C10 duty's change of state, met time, due time (an extension, a pause), unit or
-- start marks the old and the new due day. Another rule's duty counts only as a breach
-- (A2's automatic points): it marks its days when it is or was breached and its state,
-- due time, unit or subject changes — a C9 or C11 duty met late on a past day does not.
CREATE FUNCTION luoshi_assessment_obligations_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM luoshi_assessment_mark_dirty(ARRAY(
    SELECT DISTINCT luoshi_assessment_day(v.due_at)
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    CROSS JOIN LATERAL (VALUES (o.due_at), (n.due_at)) AS v(due_at)
    WHERE ((o.rule_id IN ('C8', 'C10') OR n.rule_id IN ('C8', 'C10'))
        AND (o.unit_id, o.rule_id, o.subject_type, o.subject_id, o.state, o.met_at, o.due_at, o.started_at)
          IS DISTINCT FROM (n.unit_id, n.rule_id, n.subject_type, n.subject_id, n.state, n.met_at, n.due_at, n.started_at))
      OR ((o.state = 'breached' OR n.state = 'breached')
        AND (o.unit_id, o.rule_id, o.subject_type, o.state, o.due_at)
          IS DISTINCT FROM (n.unit_id, n.rule_id, n.subject_type, n.state, n.due_at))));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION luoshi_assessment_obligations_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM luoshi_assessment_mark_dirty(ARRAY(SELECT DISTINCT luoshi_assessment_day(o.due_at) FROM old_rows o));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Cases: a closed case counts on the day of its feedback; ratings and approved
-- extensions count for the case's current lead on the day they happened. A change of
-- lead, state, feedback time or rounds marks the old and new feedback day; a change of
-- lead also marks the days of the case's ratings and extensions.
CREATE FUNCTION luoshi_assessment_cases_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM luoshi_assessment_mark_dirty(ARRAY(
    SELECT luoshi_assessment_day(v.at)
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    CROSS JOIN LATERAL (VALUES (o.feedback_at), (n.feedback_at)) AS v(at)
    WHERE (o.lead_unit_id, o.state, o.feedback_at, o.rounds)
      IS DISTINCT FROM (n.lead_unit_id, n.state, n.feedback_at, n.rounds)
    UNION
    SELECT luoshi_assessment_day(e.occurred_at)
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    JOIN events e ON e.subject_type = 'case' AND e.subject_id = n.id::text
     AND e.kind IN ('case.rate_satisfied', 'case.rate_unsatisfied', 'case.approve_extension')
    WHERE o.lead_unit_id IS DISTINCT FROM n.lead_unit_id));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION luoshi_assessment_cases_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM luoshi_assessment_mark_dirty(ARRAY(SELECT DISTINCT luoshi_assessment_day(n.feedback_at) FROM new_rows n));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION luoshi_assessment_cases_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM luoshi_assessment_mark_dirty(ARRAY(
    SELECT luoshi_assessment_day(o.feedback_at) FROM old_rows o
    UNION
    SELECT luoshi_assessment_day(e.occurred_at)
    FROM old_rows o
    JOIN events e ON e.subject_type = 'case' AND e.subject_id = o.id::text
     AND e.kind IN ('case.rate_satisfied', 'case.rate_unsatisfied', 'case.approve_extension')));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Returns: a return counts on the day it was made; made or decided, it also decides
-- whether the case's C8/C10 duties count (the agreed ones are out), so their due days
-- are marked too.
CREATE FUNCTION luoshi_assessment_returns_mark(case_ids uuid[], returned_ats timestamptz[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM luoshi_assessment_mark_dirty(ARRAY(
    SELECT luoshi_assessment_day(at) FROM unnest(returned_ats) AS at
    UNION
    SELECT luoshi_assessment_day(o.due_at)
    FROM (SELECT DISTINCT c FROM unnest(case_ids) AS c) r
    JOIN obligations o ON o.subject_type = 'case' AND o.subject_id = r.c::text
     AND o.rule_id IN ('C8', 'C10')));
END;
$$;
--> statement-breakpoint
CREATE FUNCTION luoshi_assessment_returns_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM luoshi_assessment_returns_mark(
    ARRAY(SELECT DISTINCT n.case_id FROM new_rows n), ARRAY(SELECT DISTINCT n.returned_at FROM new_rows n));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION luoshi_assessment_returns_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  case_ids uuid[];
  returned_ats timestamptz[];
BEGIN
  SELECT array_agg(v.case_id), array_agg(v.returned_at) INTO case_ids, returned_ats
  FROM old_rows o JOIN new_rows n ON n.id = o.id
  CROSS JOIN LATERAL (VALUES (o.case_id, o.returned_at), (n.case_id, n.returned_at)) AS v(case_id, returned_at)
  WHERE (o.case_id, o.unit_id, o.returned_at, o.decision, o.counts_against)
    IS DISTINCT FROM (n.case_id, n.unit_id, n.returned_at, n.decision, n.counts_against);
  IF case_ids IS NOT NULL THEN
    PERFORM luoshi_assessment_returns_mark(case_ids, returned_ats);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION luoshi_assessment_returns_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM luoshi_assessment_returns_mark(
    ARRAY(SELECT DISTINCT o.case_id FROM old_rows o), ARRAY(SELECT DISTINCT o.returned_at FROM old_rows o));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Events: dispatches (received, dispatched), ratings and approved extensions count on
-- the day they happened. Events are append-only, so only an insert can change a day.
CREATE FUNCTION luoshi_assessment_events_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM luoshi_assessment_mark_dirty(ARRAY(
    SELECT DISTINCT luoshi_assessment_day(n.occurred_at) FROM new_rows n
    WHERE n.kind IN ('case.dispatch', 'case.rate_satisfied', 'case.rate_unsatisfied', 'case.approve_extension')));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER obligations_assessment_inserted AFTER INSERT ON "obligations"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_assessment_obligations_inserted();
--> statement-breakpoint
CREATE TRIGGER obligations_assessment_updated AFTER UPDATE ON "obligations"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_assessment_obligations_updated();
--> statement-breakpoint
CREATE TRIGGER obligations_assessment_deleted AFTER DELETE ON "obligations"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_assessment_obligations_deleted();
--> statement-breakpoint
CREATE TRIGGER cases_assessment_inserted AFTER INSERT ON "cases"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_assessment_cases_inserted();
--> statement-breakpoint
CREATE TRIGGER cases_assessment_updated AFTER UPDATE ON "cases"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_assessment_cases_updated();
--> statement-breakpoint
CREATE TRIGGER cases_assessment_deleted AFTER DELETE ON "cases"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_assessment_cases_deleted();
--> statement-breakpoint
CREATE TRIGGER case_returns_assessment_inserted AFTER INSERT ON "case_returns"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_assessment_returns_inserted();
--> statement-breakpoint
CREATE TRIGGER case_returns_assessment_updated AFTER UPDATE ON "case_returns"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_assessment_returns_updated();
--> statement-breakpoint
CREATE TRIGGER case_returns_assessment_deleted AFTER DELETE ON "case_returns"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_assessment_returns_deleted();
--> statement-breakpoint
CREATE TRIGGER events_assessment_inserted AFTER INSERT ON "events"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_assessment_events_inserted();
