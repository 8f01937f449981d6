/**
 * What the portal believes about where a request came from (issue 16, finding 3). Runs on every request in
 * scripts/serve.mjs before Next sees it, so route handlers, server actions, next-auth and Next's own
 * server-action Origin check all read headers that only the socket or a configured proxy wrote:
 *
 * - no proxy configured (hops = 0, the default): every X-Forwarded-* header and Forwarded is the client's own
 *   invention and is dropped; X-Forwarded-For becomes the socket address alone (Next then fills
 *   X-Forwarded-Host/-Proto from the Host header and the socket);
 * - N trusted proxies: the socket address is appended to X-Forwarded-For, so the entry N places from the right
 *   is the one the outermost trusted proxy wrote (app/_server/auth/request-context.ts clientIp), and the
 *   proxies' X-Forwarded-Host/-Proto are kept.
 *
 * @param {Record<string, string | string[] | undefined>} headers Node's request headers (changed in place)
 * @param {string | undefined} remoteAddress the socket's peer address
 * @param {number} hops LIANGDI_TRUSTED_PROXY_HOPS
 */
export function trustForwardedHeaders(headers, remoteAddress, hops) {
  const socket = (remoteAddress ?? "").replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");
  if (hops > 0) {
    const given = [headers["x-forwarded-for"]].flat().filter(Boolean).join(", ");
    headers["x-forwarded-for"] = [given, socket].filter(Boolean).join(", ");
    return headers;
  }
  for (const name of ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-real-ip"])
    delete headers[name];
  if (socket) headers["x-forwarded-for"] = socket;
  return headers;
}

/** LIANGDI_TRUSTED_PROXY_HOPS as app/_server/env.ts reads it. */
export function trustedProxyHops(env = process.env) {
  return Math.max(0, Number(env.LIANGDI_TRUSTED_PROXY_HOPS ?? 0) || 0);
}
