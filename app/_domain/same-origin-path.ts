/**
 * The path to go to after signing in, from a `callbackUrl` a visitor may have been handed by anyone.
 * Resolved exactly as a browser resolves it (the WHATWG URL parser turns `\` into `/` and drops tabs and
 * newlines, which a "starts with / but not //" check misses: `/\evil.example/` and `/\t/evil.example/` both
 * lead off-site), against a placeholder origin; only a result on that origin is kept, and only as a path. The
 * path is resolved once more, since `/.//evil.example` normalises to `//evil.example`, itself a foreign URL.
 */
const HERE = "http://portal.invalid";

export function sameOriginPath(raw: string | null | undefined, fallback = "/"): string {
  if (!raw) return fallback;
  try {
    const first = new URL(raw, HERE);
    if (first.origin !== HERE) return fallback;
    const path = first.pathname + first.search + first.hash;
    const again = new URL(path, HERE);
    return again.origin === HERE && again.href === first.href && path.startsWith("/") && !path.startsWith("//") ? path : fallback;
  } catch {
    return fallback;
  }
}
