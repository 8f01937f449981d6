import "server-only";
import { readEnv, type Env } from "./env";
import { openDatabase, type OpenDatabase } from "./db/open";
import type { PrismaClient } from "./generated/prisma/client";

/**
 * The process-wide database: opened once and cached, nothing else. Start-up work (migrations, built-in
 * catalogues, demo data) is system/bootstrap-database.ts's, run by instrumentation.ts before the first request.
 * Kept on globalThis because Next bundles server code into several chunks (instrumentation, routes) that must
 * share one PGlite instance (a second one on the same directory would corrupt it).
 */
interface DbState {
  ready: Promise<OpenDatabase>;
}
const KEY = Symbol.for("liangdi.db");
const g = globalThis as unknown as { [KEY]?: DbState };

/** The open database, opening the one the environment names on first use. */
export function database(env: Env = readEnv()): Promise<OpenDatabase> {
  g[KEY] ??= {
    ready: openDatabase(env.databaseUrl ? { kind: "postgres", url: env.databaseUrl } : { kind: "pglite", dataDir: env.dataDir }),
  };
  return g[KEY].ready;
}

/** The Prisma client of this process. */
export async function db(): Promise<PrismaClient> {
  return (await database()).prisma;
}

/** Tests and scripts install a database they opened themselves (already migrated). */
export function installDatabase(opened: OpenDatabase) {
  g[KEY] = { ready: Promise.resolve(opened) };
}

export async function closeDatabase() {
  const state = g[KEY];
  g[KEY] = undefined;
  if (state) await (await state.ready).close();
}
