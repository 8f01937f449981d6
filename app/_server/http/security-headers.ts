/**
 * The response headers every page, API answer and download carries (ASVS 3.4, 14.3.2; 等保 入侵防范).
 * Pure: proxy.ts calls it per request with a fresh nonce; unit tests call it directly.
 *
 * Styles: Ant Design's component styles are static files ('self'); the <style> elements it still writes in the
 * browser carry the nonce (ConfigProvider `csp`, components/ui/style-nonce-shim.ts). Ant Design, ECharts and
 * React also write `style="…"` attributes, which a nonce cannot cover; `style-src-attr 'unsafe-inline'` allows
 * only those attributes, not <style> elements or scripts (CSS attributes cannot run code).
 */
export interface SecurityHeaderOptions {
  nonce: string;
  /** Served over TLS: send HSTS and upgrade-insecure-requests. */
  hsts: boolean;
  hstsMaxAge: number;
  /** `next dev` needs eval for React's debugging stacks. */
  development?: boolean;
}

export function contentSecurityPolicy({ nonce, hsts, development }: SecurityHeaderOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    `style-src-elem 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(hsts ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Headers that depend on the request or on runtime configuration (set by proxy.ts on every dynamic response). */
export function dynamicSecurityHeaders(o: SecurityHeaderOptions): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(o),
    // Pages and API answers are per user: never stored by a browser or a shared cache (ASVS 14.3.2).
    "cache-control": "no-store, max-age=0",
    ...(o.hsts ? { "strict-transport-security": `max-age=${o.hstsMaxAge}; includeSubDomains` } : {}),
  };
}

/** Headers that never change: set in next.config.ts for every path, static files included, proxy or not. */
export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
};

/** 128 random bits, base64: unguessable and fresh for each request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
