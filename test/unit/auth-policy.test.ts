import { describe, expect, it } from "vitest";
import { mfaRequired, passwordExpired, pendingStepOf, pendingStepPath } from "@/app/_domain/auth-policy";
import { buildAuthOptions } from "@/app/_server/auth/auth-options";
import { sessionCookie } from "@/app/_server/auth/cookies";
import { openSecret, sealSecret } from "@/app/_server/auth/secret-box";
import { readEnv } from "@/app/_server/env";

const NOW = new Date("2026-11-23T08:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const user = (over: Partial<Parameters<typeof pendingStepOf>[0]> = {}) => ({
  roles: ["DATA_ENTRY"],
  isDemo: false,
  mfaEnrolRequired: false,
  mustChangePassword: false,
  passwordChangedAt: daysAgo(1),
  mfaSecret: "SECRET",
  ...over,
});

describe("sign-in policy", () => {
  it("MFA is mandatory for every bureau role, optional for hospital users and demo accounts, forced after a reset", () => {
    for (const r of ["SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN", "DATA_ENTRY", "DATA_REVIEWER", "PUBLISHER", "SUPERVISOR"])
      expect(mfaRequired({ roles: [r], isDemo: false, mfaEnrolRequired: false }), r).toBe(true);
    expect(mfaRequired({ roles: ["HOSPITAL_VIEWER"], isDemo: false, mfaEnrolRequired: false })).toBe(false);
    expect(mfaRequired({ roles: ["SYSTEM_ADMIN"], isDemo: true, mfaEnrolRequired: false })).toBe(false);
    expect(mfaRequired({ roles: ["HOSPITAL_VIEWER"], isDemo: true, mfaEnrolRequired: true })).toBe(true);
  });

  it("pending steps: password change first, then an expired password, then MFA enrolment", () => {
    expect(pendingStepOf(user(), NOW, 90)).toBeNull();
    expect(pendingStepOf(user({ mfaSecret: null }), NOW, 90)).toBe("enrol-mfa");
    expect(pendingStepOf(user({ mfaSecret: null, passwordChangedAt: daysAgo(91) }), NOW, 90)).toBe("password-expired");
    expect(pendingStepOf(user({ mfaSecret: null, passwordChangedAt: daysAgo(91), mustChangePassword: true }), NOW, 90)).toBe(
      "change-password",
    );
    expect(pendingStepOf(user({ roles: ["HOSPITAL_VIEWER"], mfaSecret: null }), NOW, 90)).toBeNull();
    expect(pendingStepPath("enrol-mfa")).toBe("/mfa-setup");
    expect(pendingStepPath("password-expired")).toBe("/change-password");
  });

  it("password expiry: after the configured days; 0 turns it off; demo accounts are exempt", () => {
    expect(passwordExpired({ passwordChangedAt: daysAgo(89.9), isDemo: false }, NOW, 90)).toBe(false);
    expect(passwordExpired({ passwordChangedAt: daysAgo(90.1), isDemo: false }, NOW, 90)).toBe(true);
    expect(passwordExpired({ passwordChangedAt: daysAgo(900), isDemo: false }, NOW, 0)).toBe(false);
    expect(passwordExpired({ passwordChangedAt: daysAgo(900), isDemo: true }, NOW, 90)).toBe(false);
  });

  it("the session cookie is HttpOnly and SameSite=Lax, Secure over https or when configured", () => {
    const plain = sessionCookie(readEnv({ NODE_ENV: "production" }));
    expect(plain).toEqual({
      name: "next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: false, maxAge: 43200 },
    });
    const https = sessionCookie(readEnv({ NODE_ENV: "production", NEXTAUTH_URL: "https://liangdi.example.cn" }));
    expect(https).toMatchObject({ name: "__Secure-next-auth.session-token", options: { httpOnly: true, sameSite: "lax", secure: true } });
    expect(
      sessionCookie(readEnv({ NODE_ENV: "production", NEXTAUTH_URL: "https://x.cn", LIANGDI_SECURE_COOKIES: "0" })).options.secure,
    ).toBe(false);
    expect(sessionCookie(readEnv({ NODE_ENV: "production", LIANGDI_SECURE_COOKIES: "1" })).options.secure).toBe(true);
    // …and next-auth is configured with it.
    const env = readEnv({ NODE_ENV: "production", LIANGDI_SECURE_COOKIES: "1", LIANGDI_SESSION_MAX_AGE: "28800" });
    const options = buildAuthOptions(env);
    expect(options.cookies?.sessionToken).toEqual(sessionCookie(env));
    expect(options).toMatchObject({ useSecureCookies: true, session: { strategy: "jwt", maxAge: 28800 } });
  });
});

describe("TOTP secrets at rest", () => {
  const env = { NODE_ENV: "production", NEXTAUTH_SECRET: "a-long-random-deployment-secret-0123456789" } as const;
  it("are sealed with AES-256-GCM under a key from LIANGDI_MFA_KEY or NEXTAUTH_SECRET, and open only with that key", () => {
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    const sealed = sealSecret(secret, env);
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain(secret);
    expect(sealSecret(secret, env)).not.toBe(sealed); // a fresh IV each time
    expect(openSecret(sealed, env)).toBe(secret);
    expect(openSecret(sealed, { ...env, NEXTAUTH_SECRET: "another-secret" })).toBeNull();
    expect(openSecret(sealed, { ...env, LIANGDI_MFA_KEY: "a-dedicated-key" })).toBeNull();
    const tampered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
    expect(openSecret(tampered, env)).toBeNull();
    // Without any key (tests) the value is kept as given, and such values are read as they are.
    expect(sealSecret(secret, { NODE_ENV: "test" })).toBe(secret);
    expect(openSecret(secret, env)).toBe(secret);
  });
});
