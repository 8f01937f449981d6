import "server-only";
import { readEnv, type Env } from "./env";
import { ensureBuiltInCatalogues } from "./catalogue/ensure-built-in-catalogues";
import { migrate } from "./db/migrate";
import { openDatabase, type OpenDatabase } from "./db/open";
import type { PrismaClient } from "./generated/prisma/client";
import { seedDemoIfEmpty, type DemoSummary } from "@/prisma/seed/demo";

/**
 * The process-wide database. Opened on first use: migrations are applied, the built-in indicator catalogues
 * are created if missing and, on an empty database in demo mode, the demo data is created. Kept on globalThis
 * because Next bundles server code into several chunks (instrumentation, routes) that must share one PGlite
 * instance.
 */
interface DbState {
  ready: Promise<{ db: OpenDatabase; demo: DemoSummary | null }>;
}
const KEY = Symbol.for("liangdi.db");
const g = globalThis as unknown as { [KEY]?: DbState };

export async function startDatabase(env: Env = readEnv()) {
  g[KEY] ??= { ready: bootstrap(env) };
  return g[KEY].ready;
}

async function bootstrap(env: Env) {
  const db = await openDatabase(env.databaseUrl ? { kind: "postgres", url: env.databaseUrl } : { kind: "pglite", dataDir: env.dataDir });
  try {
    await db.withConnection((conn) => migrate(conn));
    // Every deployment carries the built-in indicator catalogues (before the demo seed, which points its regions at them).
    await ensureBuiltInCatalogues(db.prisma);
    const demo = env.demo ? await seedDemoIfEmpty(db.prisma) : null;
    return { db, demo };
  } catch (e) {
    await db.close().catch(() => {});
    throw e;
  }
}

/** The Prisma client of this process. */
export async function db(): Promise<PrismaClient> {
  return (await startDatabase()).db.prisma;
}

/** The open database itself (its kind, the embedded backup), for the few use cases that need more than Prisma. */
export async function database(): Promise<OpenDatabase> {
  return (await startDatabase()).db;
}

/** Tests and scripts install a database they opened themselves (already migrated). */
export function installDatabase(database: OpenDatabase) {
  g[KEY] = { ready: Promise.resolve({ db: database, demo: null }) };
}

export async function closeDatabase() {
  const state = g[KEY];
  g[KEY] = undefined;
  if (state) await (await state.ready).db.close();
}
