import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, dynamicSecurityHeaders, newNonce, STATIC_SECURITY_HEADERS } from "@/app/_server/http/security-headers";

/** The header set of ASVS 3.4 / reference ASVS-32, as proxy.ts and next.config.ts send it. */
describe("security headers", () => {
  it("a fresh 128-bit nonce per call", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });

  it("CSP: nonce-based scripts with strict-dynamic, no plugins, no base, no framing; no eval in production", () => {
    const csp = contentSecurityPolicy({ nonce: "abc", hsts: false, hstsMaxAge: 0 });
    const d = Object.fromEntries(csp.split("; ").map((x) => [x.split(" ")[0], x.split(" ").slice(1).join(" ")]));
    expect(d["script-src"]).toBe("'self' 'nonce-abc' 'strict-dynamic'");
    expect(d["style-src-elem"]).toBe("'self' 'nonce-abc'");
    expect(d["style-src-attr"]).toBe("'unsafe-inline'");
    expect(d["object-src"]).toBe("'none'");
    expect(d["base-uri"]).toBe("'none'");
    expect(d["frame-ancestors"]).toBe("'none'");
    expect(d["form-action"]).toBe("'self'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "abc", hsts: false, hstsMaxAge: 0, development: true })).toContain("'unsafe-eval'");
  });

  it("HSTS (≥ 1 year, includeSubDomains) and upgrade-insecure-requests only when configured for TLS", () => {
    expect(dynamicSecurityHeaders({ nonce: "n", hsts: false, hstsMaxAge: 31536000 })).not.toHaveProperty("strict-transport-security");
    const tls = dynamicSecurityHeaders({ nonce: "n", hsts: true, hstsMaxAge: 31536000 });
    expect(tls["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(tls["content-security-policy"]).toContain("upgrade-insecure-requests");
    expect(tls["cache-control"]).toBe("no-store, max-age=0");
  });

  it("fixed headers: nosniff, DENY framing, no referrer", () => {
    expect(STATIC_SECURITY_HEADERS).toMatchObject({
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "no-referrer",
    });
  });
});
