import { randomUUID } from "node:crypto";
import { readEnv } from "../env";

/**
 * The client's IP as the last trusted hop saw it. Next's own server appends the socket address to
 * X-Forwarded-For, so the entry `trustedProxyHops` from the end is the one nobody but a trusted hop wrote;
 * anything before it is client-supplied and ignored.
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
