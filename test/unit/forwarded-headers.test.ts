import { describe, expect, it } from "vitest";
import { clientIp } from "@/app/_server/auth/request-context";
// @ts-expect-error plain ESM module of the server script, without type declarations
import { trustForwardedHeaders } from "@/scripts/forwarded-headers.mjs";

/** Issue 16, finding 3: which client address and host the portal believes, with and without proxies. */
function seen(headers: Record<string, string>, socket: string, hops: number) {
  const h = trustForwardedHeaders({ ...headers }, socket, hops) as Record<string, string>;
  return { ip: clientIp(new Headers(h), hops), headers: h };
}

describe("trusted forwarded headers", () => {
  it("with no proxy configured, the socket address is the client, whatever X-Forwarded-For says", () => {
    expect(seen({ "x-forwarded-for": "10.0.0.7" }, "203.0.113.5", 0).ip).toBe("203.0.113.5");
    expect(seen({ "x-forwarded-for": "1.1.1.1, 2.2.2.2" }, "::ffff:203.0.113.5", 0).ip).toBe("203.0.113.5");
    expect(seen({}, "2001:db8::1", 0).ip).toBe("2001:db8::1");
  });

  it("with no proxy configured, a client's X-Forwarded-Host, -Proto and Forwarded are dropped", () => {
    const { headers } = seen(
      { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", forwarded: "host=evil.example", host: "portal" },
      "203.0.113.5",
      0,
    );
    expect(headers["x-forwarded-host"]).toBeUndefined();
    expect(headers["x-forwarded-proto"]).toBeUndefined();
    expect(headers.forwarded).toBeUndefined();
    expect(headers.host).toBe("portal");
  });

  it("with N proxies, the address the outermost trusted proxy saw; entries the client wrote before it are ignored", () => {
    // client → proxy (10.0.0.2) → portal: the proxy appends the client's address.
    expect(seen({ "x-forwarded-for": "6.6.6.6, 198.51.100.9" }, "10.0.0.2", 1).ip).toBe("198.51.100.9");
    // client → edge → inner (10.0.0.3) → portal.
    expect(seen({ "x-forwarded-for": "6.6.6.6, 198.51.100.9, 10.0.0.2" }, "10.0.0.3", 2).ip).toBe("198.51.100.9");
    // A proxy configured but the header missing: no address rather than a guess.
    expect(seen({}, "10.0.0.2", 1).ip).toBeNull();
    expect(seen({ "x-forwarded-host": "liangdi.gov.cn" }, "10.0.0.2", 1).headers["x-forwarded-host"]).toBe("liangdi.gov.cn");
  });
});
