import { randomUUID } from "node:crypto";
import { readEnv } from "../env";

/**
 * The client's IP as the outermost trusted hop saw it. scripts/serve.mjs (scripts/forwarded-headers.mjs)
 * replaces a client's own X-Forwarded-For by the socket address when no proxy is configured, and appends the
 * socket address after the proxies' entries otherwise, so the entry `trustedProxyHops` from the end is the
 * one nobody but a trusted hop (or the socket) wrote; anything before it is client-supplied and ignored.
 */
export function clientIp(h: Headers, hops = readEnv().trustedProxyHops): string | null {
  const chain = (h.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return chain[chain.length - 1 - hops] ?? null;
}

export function requestId(h: Headers): string {
  const given = h.get("x-request-id");
  return given && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
}
