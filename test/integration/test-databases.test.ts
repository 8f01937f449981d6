import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropStaleTestDatabases, TEST_PG_URL, testDatabaseName } from "../helpers/test-database";

/** On PostgreSQL, test databases left by killed runs are dropped after a day; those of running suites are kept. */
describe.skipIf(!TEST_PG_URL)("test databases left behind", () => {
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  const DAY = 24 * 60 * 60 * 1000;
  const now = Date.now();
  const stale = testDatabaseName(now - 2 * DAY);
  const fresh = testDatabaseName(now - 60_000);
  const exists = async (name: string) => (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1;
  beforeAll(async () => {
    await admin.connect();
    for (const name of [stale, fresh]) await admin.query(`CREATE DATABASE ${name}`);
  });
  afterAll(async () => {
    for (const name of [stale, fresh]) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it("are dropped once a day old; younger ones, and other databases, are kept", async () => {
    const dropped = await dropStaleTestDatabases(admin, now);
    expect(dropped).toContain(stale);
    expect(dropped).not.toContain(fresh);
    expect(await exists(stale)).toBe(false);
    expect(await exists(fresh)).toBe(true);
    expect(await exists("postgres")).toBe(true);
  });

  it("are kept while a client is connected to them, however old", async () => {
    const old = testDatabaseName(now - 3 * DAY);
    await admin.query(`CREATE DATABASE ${old}`);
    const url = new URL(TEST_PG_URL!);
    url.pathname = `/${old}`;
    const user = new pg.Client({ connectionString: url.toString() });
    await user.connect();
    try {
      expect(await dropStaleTestDatabases(admin, now)).not.toContain(old);
      expect(await exists(old)).toBe(true);
    } finally {
      await user.end();
      await admin.query(`DROP DATABASE IF EXISTS ${old} WITH (FORCE)`);
    }
  });
});
