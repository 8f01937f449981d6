// Admission control for scripts/serve.mjs: at most `limit` page and API reads (GET, HEAD) are handled at once;
// the others wait in arrival order. Without it, every request of a morning's rush (a quarterly release opened by
// every hospital at once) is rendered at the same time: they share the CPU and the database evenly, so all of
// them finish late together, and on the embedded database, whose one session serialises every query, some
// wait past a client's timeout. Admitted in order, each is served in about the time of one, and the others
// wait their turn. Writes (uploads, server actions) and the build's static files are never held back: an upload
// may take minutes on a slow line, and a static file costs nothing.

/**
 * The limit from LIANGDI_MAX_CONCURRENT_REQUESTS (0 turns admission control off). By default 4 on the embedded
 * database, which runs every query on the server's own thread, and 8 on PostgreSQL, where a request waiting for
 * the database leaves the thread to another (docs/benchmarks.md compares limits).
 */
export function admissionLimit(env = process.env) {
  const raw = env.LIANGDI_MAX_CONCURRENT_REQUESTS?.trim();
  if (!raw) return env.DATABASE_URL ? 8 : 4;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`LIANGDI_MAX_CONCURRENT_REQUESTS 应为非负整数（0 表示不限），当前为 "${raw}"`);
  return n === 0 ? Infinity : n;
}

/**
 * Returns `admit(req, res, serve)`: calls `serve()` now, or once fewer than `limit` admitted reads are still
 * being answered (a read counts until its response is finished or its connection closed). A request whose
 * client went away while it waited is dropped without being served.
 */
export function createAdmission(limit) {
  let active = 0;
  const waiting = [];
  const next = () => {
    active--;
    while (waiting.length && active < limit) {
      const w = waiting.shift();
      if (!w.req.socket.destroyed) start(w);
    }
  };
  const start = ({ res, serve }) => {
    active++;
    res.once("close", next);
    serve();
  };
  function admit(req, res, serve) {
    if ((req.method !== "GET" && req.method !== "HEAD") || req.url?.startsWith("/_next/static/")) return serve();
    if (active < limit) start({ res, serve });
    else waiting.push({ req, res, serve });
  }
  admit.stats = () => ({ active, waiting: waiting.length });
  return admit;
}
