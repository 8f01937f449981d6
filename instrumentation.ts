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

/**
 * A page or route that threw: one log line that ties the error's digest (shown on the error page) to the
 * request id proxy.ts gave the request (also shown there, and on every API answer).
 */
export function onRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
) {
  const digest = (error as { digest?: string } | null)?.digest ?? "-";
  console.error(`[亮底] 请求出错 requestId=${request.headers["x-request-id"] ?? "-"} digest=${digest} ${request.method} ${request.path}`);
}
