import { encode, decode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionJwt } from "@/app/_server/auth/session-jwt";

// decodeSessionJwt replaces next-auth's decode (with the key derived once): it must accept exactly what
// next-auth's encode issues and refuse what next-auth's decode refuses.
const secret = "unit-secret-unit-secret-unit-secret-0123456789";
const claims = { uid: "u1", sv: 3, sid: "s1", name: "张三" };

describe("decodeSessionJwt", () => {
  it("reads next-auth's session token, as next-auth's decode does", async () => {
    const token = await encode({ token: claims, secret });
    const ours = await decodeSessionJwt({ token, secret });
    expect(ours).toEqual(await decode({ token, secret }));
    expect(ours).toMatchObject(claims);
    // Twice with the same secret (the cached key), then a salted token.
    expect(await decodeSessionJwt({ token, secret })).toMatchObject(claims);
    const salted = await encode({ token: claims, secret, salt: "authjs.session-token" });
    expect(await decodeSessionJwt({ token: salted, secret, salt: "authjs.session-token" })).toMatchObject(claims);
  });

  it("refuses a token made with another secret or salt, a tampered one and an expired one", async () => {
    const token = await encode({ token: claims, secret });
    await expect(decodeSessionJwt({ token, secret: secret + "x" })).rejects.toThrow();
    await expect(decodeSessionJwt({ token, secret, salt: "other" })).rejects.toThrow();
    const parts = token.split(".");
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith("AA") ? "BB" : "AA");
    await expect(decodeSessionJwt({ token: parts.join("."), secret })).rejects.toThrow();
    const expired = await encode({ token: claims, secret, maxAge: -60 });
    await expect(decodeSessionJwt({ token: expired, secret })).rejects.toThrow(/exp/);
    const withinTolerance = await encode({ token: claims, secret, maxAge: -5 });
    expect(await decodeSessionJwt({ token: withinTolerance, secret })).toMatchObject(claims);
  });

  it("has nothing to decode without a token", async () => {
    expect(await decodeSessionJwt({ token: undefined, secret })).toBeNull();
  });
});
