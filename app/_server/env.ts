import path from "node:path";

/** The one reader of process.env. Everything configurable about Liangdi is listed here. */
export function readEnv(e: NodeJS.ProcessEnv = process.env) {
  return {
    /** postgresql://… → PostgreSQL; unset → embedded PGlite in `dataDir`. */
    databaseUrl: e.DATABASE_URL?.trim() || undefined,
    /** Where the embedded database lives; `memory://` keeps it in memory (tests). */
    dataDir: e.LIANGDI_DATA_DIR?.trim() || path.resolve("data"),
    /** Demo data on an empty database: on by default for the embedded database, off for PostgreSQL. */
    demo: e.LIANGDI_DEMO === undefined ? !e.DATABASE_URL : e.LIANGDI_DEMO === "1" || e.LIANGDI_DEMO === "true",
    production: e.NODE_ENV === "production",
    /** Reverse proxies in front of Liangdi that append to X-Forwarded-For (0 when clients connect directly). */
    trustedProxyHops: Math.max(0, Number(e.LIANGDI_TRUSTED_PROXY_HOPS ?? 0) || 0),
    /** Absolute session lifetime in seconds. */
    sessionMaxAge: Number(e.LIANGDI_SESSION_MAX_AGE ?? 8 * 3600) || 8 * 3600,
  };
}

export type Env = ReturnType<typeof readEnv>;
