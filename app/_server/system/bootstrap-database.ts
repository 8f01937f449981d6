import { seedDemoIfEmpty, type DemoSummary } from "@/prisma/seed/demo";
import { ensureBuiltInCatalogues } from "../catalogue/ensure-built-in-catalogues";
import { closeDatabase, database } from "../db";
import { migrate } from "../db/migrate";
import type { OpenDatabase } from "../db/open";
import { readEnv, type Env } from "../env";

/**
 * What the server does once at start-up, before any request (instrumentation.ts → start-server.ts): open the
 * database, apply the migrations, create the built-in indicator catalogues if missing and, on an empty
 * database in demo mode, the demo data. A failure closes the database and is reported by the caller.
 */
export async function bootstrapDatabase(env: Env = readEnv()): Promise<{ db: OpenDatabase; demo: DemoSummary | null }> {
  const opened = await database(env);
  try {
    await opened.withConnection((conn) => migrate(conn));
    // Every deployment carries the built-in catalogues (before the demo seed, which points its regions at them).
    await ensureBuiltInCatalogues(opened.prisma);
    const demo = env.demo ? await seedDemoIfEmpty(opened.prisma) : null;
    return { db: opened, demo };
  } catch (e) {
    await closeDatabase().catch(() => {});
    throw e;
  }
}
