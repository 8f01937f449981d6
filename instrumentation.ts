/**
 * Runs once when the server starts: opens the database, applies migrations, creates the demo data on an
 * empty embedded database and prints how to sign in. A failure stops the server with the reason.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startDatabase } = await import("./app/_server/db");
  const { printStartupBanner } = await import("./app/_server/system/startup-banner");
  try {
    const { db, demo } = await startDatabase();
    printStartupBanner(db.kind, demo);
  } catch (e) {
    console.error(`\n[亮底] 启动失败：${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
