import { bootstrapDatabase } from "./bootstrap-database";
import { printStartupBanner } from "./startup-banner";

/**
 * The Node.js server's start-up (called by instrumentation.ts, Node.js runtime only): the database bootstrap,
 * then how to sign in. A failure stops the server with the reason rather than serving errors.
 */
export async function startServer() {
  try {
    const { db, demo } = await bootstrapDatabase();
    printStartupBanner(db.kind, demo);
  } catch (e) {
    console.error(`\n[亮底] 启动失败：${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
