/**
 * The PostgreSQL of the test run (started by test/global-setup.js, or PEI_TEST_DATABASE_URL): each test file gets
 * its own fresh database on it. `describePg` skips, saying so, where the run has no server.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const testPgUrl: string | undefined = process.env.PEI_TEST_DATABASE_URL;

export const describePg: jest.Describe = (testPgUrl ? describe : describe.skip) as jest.Describe;

/** Creates an empty database on the test server; returns its URL. */
export async function freshDatabase(prefix = 'pei'): Promise<string> {
  if (!testPgUrl) throw new Error('no PostgreSQL for the tests');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: testPgUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testPgUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one query on a database (for assertions on what is really stored). */
export async function query<T = Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}
