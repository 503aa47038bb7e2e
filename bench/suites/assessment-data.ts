/**
 * A month of case work for the assessment benchmark (issue 7), written set-based
 * (INSERT … SELECT generate_series) into a database holding the demo city: `count`
 * cases raised over September 2026 in the district's grids, with the rows A1 reads —
 * their C8 (sign) and C10 (finish) duties, returns, and the events case.dispatch,
 * case.approve_extension and case.rate_satisfied / case.rate_unsatisfied.
 *
 * Every case draws its fate from hashes of its number, so a run is reproducible:
 *  - 55 % district cases led by a department or enterprise (dispatched by the district
 *    centre), 45 % township cases led by the township or one of its stationed agencies;
 *  - 1 % returned unsigned and the return agreed (re-dispatched to the next unit),
 *    1 % returned unsigned and refused, 0.5 % returned after signing and refused (the
 *    C10 cancelled), 0.3 % returned and not yet decided;
 *  - sign (C8, 2 h): 93.5 % on time, 5 % late (breached, then met), 1 % breached and
 *    never met, 0.3 % still running (past due), 0.2 % waived;
 *  - finish (C10, 3 or 5 days — calendar days here, not working days): 3 % extended by
 *    7 days and finished inside the extension, 6 % late, 2 % breached and never met,
 *    0.5 % still running, the rest on time;
 *  - rating: 5 % unsatisfied (round 2: signed and finished on time, then satisfied),
 *    85 % satisfied, 10 % not rated yet.
 * Communities and grids lead no cases (C7 dispatches to departments, enterprises,
 * agencies, townships and offices only), so their rankings have no figures.
 *
 * The events go to their own stream `bench` with plausible hashes (sha256 of the stream
 * position, not of the row): the chain of that stream does not verify; the `global`
 * chain is untouched. A real log holds ~10 more events per case (raise, approvals,
 * sign, arrive, finish, obligation events) that A1 does not read; they are left out.
 */
import type { Database } from '../../src/server/db/client.ts';

/** September 2026 in Asia/Shanghai, and the moment the rankings are computed. */
export const MONTH = {
  from: '2026-09-01T00:00:00+08:00',
  to: '2026-10-01T00:00:00+08:00',
  date: '2026-09-15',
};
export const NOW = new Date('2026-10-15T09:00:00+08:00');

export interface FilledCounts {
  cases: number;
  obligations: number;
  returns: number;
  events: number;
}

/** `(abs(hash(i, seed)) % 1000)`: a reproducible draw in 0…999 for case `i`. */
const draw = (seed: number) => `(abs(hashint8extended(i::bigint, ${seed})) % 1000)::int`;

export async function fillMonth(database: Database, count: number): Promise<FilledCounts> {
  const [district] = await database.query<{ id: string; path: string }>(
    `SELECT id, path FROM org_units WHERE code = '370782'`,
  );
  const [centre] = await database.query<{ id: string }>(`SELECT id FROM org_units WHERE code = 'C370782'`);
  if (!district || !centre) throw new Error('the demo city is not seeded');
  const q = (text: string, params?: unknown[]) => database.query(text, params);

  // The places (grids with their community, township and the township's centre), the
  // lead units per scope (the district's departments and enterprises; each township
  // itself, n = 0, and its agencies) and the leaf categories, each numbered from 0.
  await q(
    `CREATE TABLE bench_grids AS
     SELECT (row_number() OVER (ORDER BY g.code) - 1)::int AS n, g.id, c.id AS community_id,
            c.parent_id AS township_id, tc.id AS centre_id
     FROM org_units g JOIN org_units c ON c.id = g.parent_id
     JOIN org_units tc ON tc.parent_id = c.parent_id AND tc.kind = 'centre'
     WHERE g.kind = 'grid' AND g.path LIKE $1`,
    [`${district.path}%`],
  );
  await q(
    `CREATE TABLE bench_leads AS
     SELECT 'district' AS scope, (row_number() OVER (ORDER BY code) - 1)::int AS n, id
     FROM org_units WHERE parent_id = $1 AND kind IN ('department', 'enterprise')
     UNION ALL
     SELECT t.id::text, (row_number() OVER (PARTITION BY t.id ORDER BY u.kind DESC, u.code) - 1)::int, u.id
     FROM org_units t JOIN org_units u ON u.id = t.id OR (u.parent_id = t.id AND u.kind = 'agency')
     WHERE t.kind = 'township' AND t.parent_id = $1`,
    [district.id],
  );
  await q(
    `CREATE TABLE bench_categories AS
     SELECT (row_number() OVER (ORDER BY code) - 1)::int AS n, code, sla_class
     FROM categories WHERE parent_code IS NOT NULL AND retired_at IS NULL AND sla_class IS NOT NULL`,
  );
  const [sizes] = await database.query<{
    grids: number;
    departments: number;
    township: number;
    categories: number;
  }>(
    `SELECT (SELECT count(*) FROM bench_grids)::int AS grids,
            (SELECT count(*) FROM bench_leads WHERE scope = 'district')::int AS departments,
            (SELECT max(n) + 1 FROM bench_leads WHERE scope <> 'district')::int AS township,
            (SELECT count(*) FROM bench_categories)::int AS categories`,
  );
  if (!sizes || sizes.grids === 0 || sizes.departments === 0) throw new Error('no grids or departments');
  const monthSeconds = (Date.parse(MONTH.to) - Date.parse(MONTH.from)) / 1000;

  // One row per case: where, who leads (lead1 first, lead2 after an agreed return), the draws.
  await q(
    `CREATE TABLE bench_plan AS
     SELECT s.i, gen_random_uuid() AS id, s.district_level, s.h2, s.h7, s.r_ret, s.r_sign, s.r_finish, s.r_rate,
            s.created_at, g.id AS grid_id, g.community_id, g.township_id,
            CASE WHEN s.district_level THEN $2::uuid ELSE g.township_id END AS area_unit_id,
            CASE WHEN s.district_level THEN $3::uuid ELSE g.centre_id END AS centre_unit_id,
            l1.id AS lead1, l2.id AS lead2, cat.code AS category, cat.sla_class,
            CASE WHEN cat.sla_class = 'complex' THEN interval '5 days' ELSE interval '3 days' END AS span
     FROM (
       SELECT i, ${draw(1)} < 550 AS district_level, ${draw(2)} AS h2, ${draw(7)} AS h7, ${draw(3)} AS r_ret,
              ${draw(4)} AS r_sign, ${draw(5)} AS r_finish, ${draw(6)} AS r_rate,
              $1::timestamptz + ((i - 1) * ${monthSeconds / count}::float8) * interval '1 second' AS created_at
       FROM generate_series(1, ${count}) AS i
     ) s
     JOIN bench_grids g ON g.n = s.i % ${sizes.grids}
     JOIN bench_leads l1 ON l1.scope = CASE WHEN s.district_level THEN 'district' ELSE g.township_id::text END
       AND l1.n = CASE WHEN s.district_level THEN s.h2 % ${sizes.departments}
                       WHEN s.h2 < 400 THEN 0 ELSE 1 + s.h2 % ${sizes.township - 1} END
     JOIN bench_leads l2 ON l2.scope = l1.scope
       AND l2.n = (l1.n + 1) % CASE WHEN s.district_level THEN ${sizes.departments} ELSE ${sizes.township} END
     JOIN bench_categories cat ON cat.n = s.h7 % ${sizes.categories}`,
    [MONTH.from, district.id, centre.id],
  );

  // Each case's timeline: first dispatch d0; a return at ret_at; the main dispatch m to
  // the unit that handles it; sign, finish (with its due, extended or not), rating; round 2.
  await q(
    `CREATE TABLE bench_timeline AS
     SELECT p.*, a.d0, a.ret_kind, b.ret_at, b.lead, c.m, c.sign_kind, d.sign_at, e.finish_kind, e.base_due,
            f.finish_due, f.finish_at, g.rate_at, g.rate_kind, h.sign2_at, h.finish2_at, h.rate2_at
     FROM bench_plan p
     CROSS JOIN LATERAL (SELECT p.created_at + (20 + p.h2 % 60) * interval '1 minute' AS d0,
       CASE WHEN p.r_ret < 10 THEN 'agreed' WHEN p.r_ret < 20 THEN 'refused'
            WHEN p.r_ret < 25 THEN 'refused_signed' WHEN p.r_ret < 28 THEN 'pending' END AS ret_kind) a
     CROSS JOIN LATERAL (SELECT
       CASE WHEN a.ret_kind = 'refused_signed' THEN a.d0 + interval '90 minutes'
            WHEN a.ret_kind IS NOT NULL THEN a.d0 + interval '60 minutes' END AS ret_at,
       CASE WHEN a.ret_kind = 'agreed' THEN p.lead2 ELSE p.lead1 END AS lead) b
     CROSS JOIN LATERAL (SELECT
       CASE WHEN a.ret_kind IS NULL THEN a.d0 WHEN a.ret_kind <> 'pending' THEN b.ret_at + interval '30 minutes' END AS m,
       CASE WHEN a.ret_kind = 'pending' THEN NULL WHEN p.r_sign < 50 THEN 'late' WHEN p.r_sign < 60 THEN 'breached'
            WHEN p.r_sign < 63 THEN 'running' WHEN p.r_sign < 65 THEN 'waived' ELSE 'on_time' END AS sign_kind) c
     CROSS JOIN LATERAL (SELECT CASE c.sign_kind
       WHEN 'late' THEN c.m + interval '2 hours' + (10 + p.h7 % 290) * interval '1 minute'
       WHEN 'on_time' THEN c.m + (5 + p.h7 % 110) * interval '1 minute' END AS sign_at) d
     CROSS JOIN LATERAL (SELECT d.sign_at + p.span AS base_due,
       CASE WHEN d.sign_at IS NULL THEN NULL WHEN p.r_finish < 30 THEN 'extended' WHEN p.r_finish < 90 THEN 'late'
            WHEN p.r_finish < 110 THEN 'breached' WHEN p.r_finish < 115 THEN 'running' ELSE 'on_time' END AS finish_kind) e
     CROSS JOIN LATERAL (SELECT
       CASE WHEN e.finish_kind = 'extended' THEN e.base_due + interval '7 days' ELSE e.base_due END AS finish_due,
       CASE e.finish_kind WHEN 'extended' THEN e.base_due + interval '2 days'
         WHEN 'late' THEN e.base_due + (1 + p.h2 % 47) * interval '1 hour'
         WHEN 'on_time' THEN d.sign_at + p.span * ((10 + p.h7 % 80) / 100.0)::float8 END AS finish_at) f
     CROSS JOIN LATERAL (SELECT f.finish_at + (2 + p.h2 % 28) * interval '1 hour' AS rate_at,
       CASE WHEN f.finish_at IS NULL THEN NULL WHEN p.r_rate < 50 THEN 'unsatisfied'
            WHEN p.r_rate < 900 THEN 'satisfied' END AS rate_kind) g
     CROSS JOIN LATERAL (SELECT
       CASE WHEN g.rate_kind = 'unsatisfied' THEN g.rate_at + interval '40 minutes' END AS sign2_at,
       CASE WHEN g.rate_kind = 'unsatisfied' THEN g.rate_at + interval '1 day 40 minutes' END AS finish2_at,
       CASE WHEN g.rate_kind = 'unsatisfied' THEN g.rate_at + interval '1 day 4 hours 40 minutes' END AS rate2_at) h`,
  );

  await q(
    `INSERT INTO cases (id, number, state, raiser_role, raiser_unit_id, channel, category, occurred_at, grid_id,
       community_id, township_id, party, situation, demand, area_unit_id, centre_unit_id, level, lead_unit_id,
       sla_class, rounds, feedback, feedback_at, rating, created_at, updated_at)
     SELECT id, '370782-B' || lpad(i::text, 7, '0'), st.state, 'grid_worker', grid_id, 'grid_app', category,
            created_at - interval '15 minutes', grid_id, community_id, township_id, '住户', '情形', '诉求',
            area_unit_id, centre_unit_id, CASE WHEN district_level THEN 'district' ELSE 'township' END, lead,
            sla_class, CASE WHEN rate_kind = 'unsatisfied' THEN 2 ELSE 1 END,
            CASE WHEN st.state = 'closed' THEN '已办结' END,
            CASE WHEN st.state = 'closed' THEN coalesce(rate2_at, rate_at) END,
            CASE WHEN rate_kind IS NOT NULL THEN 'satisfied' END,
            created_at, coalesce(rate2_at, rate_at, finish_at, sign_at, ret_at, d0)
     FROM bench_timeline
     CROSS JOIN LATERAL (SELECT CASE
       WHEN ret_kind = 'pending' THEN 'returned'
       WHEN sign_kind IN ('breached', 'running', 'waived') THEN 'dispatched'
       WHEN finish_kind IN ('breached', 'running') THEN 'on_site'
       WHEN rate_kind IS NULL THEN 'finished'
       ELSE 'closed' END AS state) st`,
  );

  // The duties, one statement per kind of duty. warn_at is at 80 % of the span; an
  // extension sets the base due too (extend-obligation.ts), so base_due_at = due_at.
  const duty = (rule: string, unit: string, deadline: string, started: string, due: string, rest: string) =>
    `INSERT INTO obligations (subject_type, subject_id, rule_id, unit_id, deadline, started_at, base_due_at,
       extended_due_at, due_at, warn_at, warn_ratio, state, met_at, breached_at, ended_at, version, created_at)
     SELECT 'case', id::text, '${rule}', ${unit}, ${deadline}, ${started}, ${due},
            x.extended, ${due}, ${started} + (${due} - ${started}) * 0.8, 0.8, x.state, x.met, x.breached, x.ended,
            CASE WHEN x.state = 'running' THEN 1 ELSE 2 END, ${started}
     FROM bench_timeline ${rest}`;
  const deadline10 = `CASE WHEN sla_class = 'complex' THEN '5wd' ELSE '3wd' END`;
  // The dispatch that ended in a return: C8 met before a return after signing, else cancelled; its C10 cancelled.
  await q(
    duty(
      'C8',
      'lead1',
      `'2h'`,
      'd0',
      `d0 + interval '2 hours'`,
      `CROSS JOIN LATERAL (SELECT NULL::timestamptz AS extended,
         CASE WHEN ret_kind = 'refused_signed' THEN 'met' ELSE 'cancelled' END AS state,
         CASE WHEN ret_kind = 'refused_signed' THEN d0 + interval '30 minutes' END AS met, NULL::timestamptz AS breached,
         CASE WHEN ret_kind = 'refused_signed' THEN d0 + interval '30 minutes' ELSE ret_at END AS ended) x
       WHERE ret_kind IS NOT NULL`,
    ),
  );
  await q(
    duty(
      'C10',
      'lead1',
      deadline10,
      `d0 + interval '30 minutes'`,
      `d0 + interval '30 minutes' + span`,
      `CROSS JOIN LATERAL (SELECT NULL::timestamptz AS extended, 'cancelled' AS state, NULL::timestamptz AS met,
         NULL::timestamptz AS breached, ret_at AS ended) x
       WHERE ret_kind = 'refused_signed'`,
    ),
  );
  // Round 1 with the unit that handles the case.
  await q(
    duty(
      'C8',
      'lead',
      `'2h'`,
      'm',
      `m + interval '2 hours'`,
      `CROSS JOIN LATERAL (SELECT NULL::timestamptz AS extended,
         CASE sign_kind WHEN 'on_time' THEN 'met' WHEN 'late' THEN 'breached' WHEN 'breached' THEN 'breached'
                        ELSE sign_kind END AS state,
         sign_at AS met, CASE WHEN sign_kind IN ('late', 'breached') THEN m + interval '2 hours' END AS breached,
         CASE WHEN sign_kind = 'waived' THEN m + interval '1 hour' ELSE sign_at END AS ended) x
       WHERE m IS NOT NULL`,
    ),
  );
  await q(
    duty(
      'C10',
      'lead',
      deadline10,
      'sign_at',
      'finish_due',
      `CROSS JOIN LATERAL (SELECT CASE WHEN finish_kind = 'extended' THEN finish_due END AS extended,
         CASE finish_kind WHEN 'running' THEN 'running' WHEN 'late' THEN 'breached' WHEN 'breached' THEN 'breached'
                          ELSE 'met' END AS state,
         finish_at AS met, CASE WHEN finish_kind IN ('late', 'breached') THEN finish_due END AS breached,
         finish_at AS ended) x
       WHERE sign_at IS NOT NULL`,
    ),
  );
  // Round 2 after an unsatisfied rating (C11): signed and finished on time.
  await q(
    duty(
      'C8',
      'lead',
      `'2h'`,
      'rate_at',
      `rate_at + interval '2 hours'`,
      `CROSS JOIN LATERAL (SELECT NULL::timestamptz AS extended, 'met' AS state, sign2_at AS met,
         NULL::timestamptz AS breached, sign2_at AS ended) x
       WHERE sign2_at IS NOT NULL`,
    ),
  );
  await q(
    duty(
      'C10',
      'lead',
      deadline10,
      'sign2_at',
      'sign2_at + span',
      `CROSS JOIN LATERAL (SELECT NULL::timestamptz AS extended, 'met' AS state, finish2_at AS met,
         NULL::timestamptz AS breached, finish2_at AS ended) x
       WHERE sign2_at IS NOT NULL`,
    ),
  );

  await q(
    `INSERT INTO case_returns (case_id, unit_id, reason, returned_at, decision, counts_against, decided_at)
     SELECT id, lead1, '不属于本单位职责', ret_at,
            CASE WHEN ret_kind = 'agreed' THEN 'agreed' WHEN ret_kind <> 'pending' THEN 'refused' END,
            CASE WHEN ret_kind = 'agreed' THEN 'routing' WHEN ret_kind <> 'pending' THEN 'department' END,
            CASE WHEN ret_kind <> 'pending' THEN ret_at + interval '30 minutes' END
     FROM bench_timeline WHERE ret_kind IS NOT NULL`,
  );

  // The events A1 reads, in time order on the stream `bench`.
  await q(
    `INSERT INTO events (stream, seq, occurred_at, actor_id, actor_org_id, subject_type, subject_id, kind, payload,
       prev_hash, hash)
     SELECT 'bench', n, at, NULL, org, 'case', id::text, kind, payload,
            CASE WHEN n = 1 THEN repeat('0', 64) ELSE encode(sha256(convert_to('bench:' || (n - 1), 'UTF8')), 'hex') END,
            encode(sha256(convert_to('bench:' || n, 'UTF8')), 'hex')
     FROM (
       SELECT row_number() OVER (ORDER BY at, kind, id) AS n, u.* FROM (
         SELECT id, d0 AS at, centre_unit_id AS org, 'case.dispatch' AS kind,
                jsonb_build_object('leadUnitId', lead1, 'slaClass', sla_class, 'cooperatingUnitIds', '[]'::jsonb,
                                   'suggestion', 'none') AS payload
         FROM bench_timeline
         UNION ALL
         SELECT id, m, centre_unit_id, 'case.dispatch',
                jsonb_build_object('leadUnitId', lead2, 'slaClass', sla_class, 'cooperatingUnitIds', '[]'::jsonb,
                                   'suggestion', 'none', 'returnDecision', 'agreed')
         FROM bench_timeline WHERE ret_kind = 'agreed'
         UNION ALL
         SELECT id, sign_at + interval '1 day', centre_unit_id, 'case.approve_extension',
                jsonb_build_object('dueAt', finish_due)
         FROM bench_timeline WHERE finish_kind = 'extended'
         UNION ALL
         SELECT id, rate_at, grid_id, 'case.rate_' || rate_kind,
                CASE WHEN rate_kind = 'satisfied' THEN jsonb_build_object('feedback', '已办结')
                     ELSE jsonb_build_object('reason', '仍未解决') END
         FROM bench_timeline WHERE rate_kind IS NOT NULL
         UNION ALL
         SELECT id, rate2_at, grid_id, 'case.rate_satisfied', jsonb_build_object('feedback', '已办结')
         FROM bench_timeline WHERE rate2_at IS NOT NULL
       ) u
     ) e`,
  );
  await q(
    `INSERT INTO event_streams (stream, seq, hash)
     SELECT 'bench', max(seq), encode(sha256(convert_to('bench:' || max(seq), 'UTF8')), 'hex')
     FROM events WHERE stream = 'bench'`,
  );

  for (const table of ['bench_timeline', 'bench_plan', 'bench_categories', 'bench_leads', 'bench_grids'])
    await q(`DROP TABLE ${table}`);
  for (const table of ['cases', 'obligations', 'case_returns', 'events']) await q(`ANALYZE ${table}`);
  const [counts] = await database.query<FilledCounts>(
    `SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM obligations)::int AS obligations,
            (SELECT count(*) FROM case_returns)::int AS returns, (SELECT count(*) FROM events)::int AS events`,
  );
  if (!counts) throw new Error('no counts');
  return counts;
}
