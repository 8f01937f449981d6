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
    /** Absolute session lifetime in seconds (ASVS 4.0.3 V3.3.2: 12 hours). */
    sessionMaxAge: positive(e.LIANGDI_SESSION_MAX_AGE, 12 * 3600),
    /** A session unused for this many seconds ends (idle timeout, 30 minutes). */
    sessionIdleTimeout: positive(e.LIANGDI_SESSION_IDLE_TIMEOUT, 30 * 60),
    /** The key of the session cookie's encrypted JWT (next-auth reads the same variable). */
    authSecret: e.NEXTAUTH_SECRET ?? "",
    /** Session cookie `Secure` flag: LIANGDI_SECURE_COOKIES=1/0; by default on when NEXTAUTH_URL is https. */
    secureCookies: e.LIANGDI_SECURE_COOKIES
      ? e.LIANGDI_SECURE_COOKIES === "1" || e.LIANGDI_SECURE_COOKIES === "true"
      : !!e.NEXTAUTH_URL?.startsWith("https://"),
    /** Account lockout (MLPS-02, DHIS2's values): this many failures within the window lock the account for lockMinutes. */
    loginMaxFailures: positive(e.LIANGDI_LOGIN_MAX_FAILURES, 5),
    loginFailureWindowMinutes: positive(e.LIANGDI_LOGIN_FAILURE_WINDOW_MINUTES, 15),
    loginLockMinutes: positive(e.LIANGDI_LOGIN_LOCK_MINUTES, 15),
    /** Per client IP: at most this many failed sign-ins within the window, then every attempt from it is refused. */
    loginIpMaxFailures: positive(e.LIANGDI_LOGIN_IP_MAX_FAILURES, 20),
    loginIpWindowMinutes: positive(e.LIANGDI_LOGIN_IP_WINDOW_MINUTES, 15),
    /** Passwords older than this must be changed at sign-in (等保 定期更换); 0 turns expiry off. */
    passwordMaxAgeDays: nonNegative(e.LIANGDI_PASSWORD_MAX_AGE_DAYS, 90),
    /** Strict-Transport-Security (and CSP upgrade-insecure-requests): set LIANGDI_HSTS=1 when served over TLS. */
    hsts: e.LIANGDI_HSTS === "1" || e.LIANGDI_HSTS === "true",
    /** HSTS max-age in seconds (ASVS 3.4.1: at least one year). */
    hstsMaxAge: Math.max(0, Number(e.LIANGDI_HSTS_MAX_AGE ?? 31_536_000) || 31_536_000),
    /** Test switch only: proxy.ts does nothing, as if it were deleted (proves authorization does not rest on it). */
    proxyDisabled: e.LIANGDI_PROXY_DISABLED === "1",
    /** Small-cell suppression: counts of persons below this are not shown (PIPL §73; reference LAW-03, k = 5). */
    smallCellThreshold: Math.max(1, Math.floor(Number(e.LIANGDI_SMALL_CELL_THRESHOLD ?? 5)) || 5),
    /** Upload checks: no month-on-month warning when both month values are below this (a small hospital's 3 → 1). */
    momMinBase: decimalText(e.LIANGDI_MOM_MIN_BASE, "10"),
    /** Upload checks: the rolling-balance identity's tolerance, in 万元. */
    balanceTolerance: decimalText(e.LIANGDI_BALANCE_TOLERANCE, "0.01"),
  };
}

export type Env = ReturnType<typeof readEnv>;

function positive(v: string | undefined, fallback: number): number {
  const n = Number(v);
  return v !== undefined && v.trim() !== "" && Number.isFinite(n) && n > 0 ? n : fallback;
}
function nonNegative(v: string | undefined, fallback: number): number {
  const n = Number(v);
  return v !== undefined && v.trim() !== "" && Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** A non-negative decimal setting as text (exact: the validator reads it without floats), or the default. */
function decimalText(value: string | undefined, fallback: string): string {
  const v = value?.trim();
  return v && /^\d+(\.\d{1,6})?$/.test(v) ? v : fallback;
}
