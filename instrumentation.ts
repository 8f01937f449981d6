/**
 * Runs once when the server starts: the database bootstrap (migrations, built-in catalogues, demo data) and
 * the sign-in banner, in app/_server/system/start-server.ts. Next also compiles this file for the Edge
 * runtime; the start-up code is imported only under the Node.js runtime, so none of it is bundled there.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { startServer } = await import("./app/_server/system/start-server");
    await startServer();
  }
}
