/**
 * Copies a whole store into an empty PostgreSQL database (`npm run cli -- migrate-store`): every report version as
 * stored (review state included), the audit log with its seq numbers, owners, admins, subscriptions, conversation
 * references, what was sent and the plan versions. One transaction: all or nothing. A database that already holds exactly that
 * content is left as it is (a second run changes nothing); one that holds anything else is refused.
 */
import { Client } from 'pg';
import { isDeepStrictEqual } from 'node:util';
import { cloneJson } from './rules';
import { migrate } from './pg-store';
import type { Store } from './types';

export interface StoreSnapshot {
  reports: unknown[];
  audit: unknown[];
  owners: Record<string, unknown>;
  admins: unknown[];
  subscriptions: unknown[];
  conversations: unknown[];
  sent: unknown[];
  planVersions: unknown[];
}

export type CopyResult =
  { status: 'copied' | 'unchanged'; counts: Counts } | { status: 'refused'; reason: 'not-empty' };

export async function snapshotOf(store: Store): Promise<StoreSnapshot> {
  return {
    reports: [...(await store.reports())],
    audit: [...(await store.audit())],
    owners: { ...(await store.allOwners()) },
    admins: [...(await store.admins())],
    subscriptions: [...(await store.subscriptions())],
    conversations: [...(await store.conversations())],
    sent: [...(await store.sent())],
    planVersions: [...(await store.planVersions())],
  };
}

type Counts = Record<keyof StoreSnapshot, number>;
function countsOf(s: StoreSnapshot): Counts {
  const size = (v: object) => (Array.isArray(v) ? v.length : Object.keys(v).length);
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, size(v as object)])) as Counts;
}

async function readTarget(c: Client): Promise<StoreSnapshot> {
  const owners: Record<string, unknown> = {};
  for (const r of (await c.query('SELECT indicator_id, people FROM pei_owners ORDER BY ord')).rows)
    owners[r.indicator_id] = r.people;
  return {
    reports: (await c.query('SELECT record FROM pei_reports ORDER BY ord')).rows.map((r) => r.record),
    audit: (await c.query('SELECT seq, at, actor, action, target, before, after FROM pei_audit ORDER BY seq')).rows.map(
      (r) => ({ ...r, seq: Number(r.seq) }),
    ),
    owners,
    admins: (await c.query('SELECT person FROM pei_admins ORDER BY ord')).rows.map((r) => r.person),
    subscriptions: (await c.query('SELECT record FROM pei_subscriptions ORDER BY ord')).rows.map((r) => r.record),
    conversations: (await c.query('SELECT record FROM pei_conversations ORDER BY ord')).rows.map((r) => r.record),
    sent: (await c.query('SELECT record FROM pei_sent ORDER BY ord')).rows.map((r) => r.record),
    planVersions: (await c.query('SELECT record FROM pei_plan_versions ORDER BY ord')).rows.map((r) => r.record),
  };
}

const CHUNK = 5000;
async function chunked(c: Client, rows: unknown[], sql: string, ...more: unknown[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await c.query(sql, [JSON.stringify(rows.slice(i, i + CHUNK)), ...more]);
}

export async function copyToPostgres(source: StoreSnapshot, url: string): Promise<CopyResult> {
  await migrate(url);
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('BEGIN');
    const rev = Number((await c.query('UPDATE pei_meta SET rev = rev + 1 RETURNING rev')).rows[0].rev);
    const target = await readTarget(c);
    const empty = Object.values(countsOf(target)).every((n) => n === 0);
    if (!empty) {
      await c.query('ROLLBACK');
      return isDeepStrictEqual(target, cloneJson(source)) // jsonb reorders keys: key order does not matter here
        ? { status: 'unchanged', counts: countsOf(source) }
        : { status: 'refused', reason: 'not-empty' };
    }
    const ordered = 'FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(r, i) ORDER BY i';
    const owners = Object.entries(source.owners).map(([k, v]) => ({ k, v }));
    const reportCols = `r->>'id', r->>'indicatorId', r->>'period', (r->>'version')::int, r->>'submissionId', r->>'review', r, $2`;
    const auditCols = `(r->>'seq')::bigint, r->>'at', r->'actor', r->>'action', r->>'target', COALESCE(r->'before', 'null'::jsonb), COALESCE(r->'after', 'null'::jsonb)`;
    const subscriptionCols = "r->>'conversationKey', r->>'kind', r";
    const tables: [unknown[], string, string, ...unknown[]][] = [
      [
        source.reports,
        'pei_reports (id, indicator_id, period, version, submission_id, review, record, changed)',
        reportCols,
        rev,
      ],
      [source.audit, 'pei_audit (seq, at, actor, action, target, before, after)', auditCols],
      [owners, 'pei_owners (indicator_id, people)', "r->>'k', r->'v'"],
      [source.admins, 'pei_admins (id, person)', "r->>'id', r"],
      [source.subscriptions, 'pei_subscriptions (conversation_key, kind, record)', subscriptionCols],
      [source.conversations, 'pei_conversations (key, record)', "r->>'key', r"],
      [source.sent, 'pei_sent (key, record)', "r->>'key', r"],
      [
        source.planVersions,
        'pei_plan_versions (plan_id, version, effective, record)',
        "r->>'planId', (r->>'version')::int, r->>'effective', r",
      ],
    ];
    for (const [rows, into, cols, ...more] of tables)
      await chunked(c, rows, `INSERT INTO ${into} SELECT ${cols} ${ordered}`, ...more);
    await c.query(
      "SELECT setval(pg_get_serial_sequence('pei_audit', 'seq'), GREATEST((SELECT max(seq) FROM pei_audit), 1), (SELECT count(*) > 0 FROM pei_audit))",
    );
    await c.query("SELECT pg_notify('pei_change', $1)", [String(rev)]);
    await c.query('COMMIT');
    // Planner statistics for the bulk-loaded tables now, not whenever autovacuum gets to them: without them the
    // cache's pull by `changed` can be planned as a scan of every report.
    await c.query('ANALYZE pei_reports; ANALYZE pei_audit');
    return { status: 'copied', counts: countsOf(source) };
  } catch (e) {
    await c.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await c.end();
  }
}
