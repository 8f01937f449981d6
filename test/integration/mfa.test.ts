import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { beginMfaEnrolment } from "@/app/_server/account/begin-mfa-enrolment";
import { confirmMfaEnrolment } from "@/app/_server/account/confirm-mfa-enrolment";
import { getMfaStatus } from "@/app/_server/account/get-mfa-status";
import type { Session } from "@/app/_server/auth/session";
import { resolveSession } from "@/app/_server/auth/session-store";
import { authenticate } from "@/app/_server/auth/sign-in";
import { hashRecoveryCode, totpCode } from "@/app/_server/auth/totp";
import { readEnv } from "@/app/_server/env";
import { getOwnInstitution } from "@/app/_server/home/get-own-institution";
import { getRegionWorkbench } from "@/app/_server/home/get-region-workbench";
import { resetMfa } from "@/app/_server/security/reset-mfa";
import { createUserSession, createWorld, TEST_PASSWORD, type World } from "../helpers/fixtures";
import { useTestDatabase } from "../helpers/test-database";

/**
 * TOTP second factor (MLPS-04 / T12): mandatory for bureau roles outside demo mode, enrolment confirmed with
 * a code, codes single-use, recovery codes hashed and single-use, wrong codes count towards the lockout, and
 * a security admin's reset forces re-enrolment instead of bypassing MFA.
 */
const T0 = new Date("2026-11-23T08:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const env = readEnv({ NODE_ENV: "test" });
const meta = () => ({ ip: "10.8.0.1", requestId: randomUUID() });

describe("MFA", () => {
  const prisma = useTestDatabase();
  let w: World;
  let secAdmin: Session;

  /** A user with a password and no MFA yet. */
  async function fresh(roles: Parameters<typeof createUserSession>[1], scope: Record<string, string>, isDemo = false) {
    const s = await createUserSession(prisma(), roles, scope);
    await prisma().user.update({ where: { id: s.userId }, data: { mfaSecret: null, mfaEnabledAt: null, isDemo } });
    return s;
  }
  async function signIn(username: string, code: string | undefined, when: Date) {
    return authenticate({ username, password: TEST_PASSWORD, code }, meta(), when, env);
  }
  async function sessionAfterSignIn(username: string, code: string | undefined, when: Date) {
    const r = await signIn(username, code, when);
    if (!r.ok) throw new Error(r.error);
    return (await resolveSession({ uid: r.user.id, sv: r.user.sessionVersion, sid: r.sessionId }, meta(), when, env))!;
  }
  async function enrol(s: Session, when: Date) {
    const { secret, qrSvg, uri } = await beginMfaEnrolment(s);
    expect(qrSvg).toContain("<svg");
    expect(uri).toMatch(new RegExp(`^otpauth://totp/.*${s.username}.*secret=${secret}`));
    const { recoveryCodes } = await confirmMfaEnrolment(s, { code: await totpCode(secret, when) }, when);
    return { secret, recoveryCodes };
  }

  // Secrets are sealed at rest when a key is configured (as `npm start` always has): exercise that path.
  const previousKey = process.env.LIANGDI_MFA_KEY;
  afterAll(() => {
    if (previousKey === undefined) delete process.env.LIANGDI_MFA_KEY;
    else process.env.LIANGDI_MFA_KEY = previousKey;
  });

  beforeAll(async () => {
    process.env.LIANGDI_MFA_KEY = "integration-test-key";
    w = await createWorld(prisma());
    secAdmin = await createUserSession(prisma(), ["SECURITY_ADMIN"]);
  });

  it("a bureau user without MFA signs in only into enrolment: every use case is refused until then", async () => {
    const u = await fresh(["DATA_ENTRY"], { regionId: w.regionA.id });
    const s = await sessionAfterSignIn(u.username, undefined, at(0));
    expect(s.pending).toBe("enrol-mfa");
    await expect(getRegionWorkbench(s)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await getMfaStatus(s)).toMatchObject({ enabled: false, required: true });
  });

  it("hospital users and demo accounts are not forced (but may enrol)", async () => {
    const h = await fresh(["HOSPITAL_VIEWER"], { institutionId: w.hospitalA1.id });
    const hs = await sessionAfterSignIn(h.username, undefined, at(0));
    expect(hs.pending).toBeNull();
    expect((await getOwnInstitution(hs)).code).toBe("H34010000001");
    const demo = await fresh(["DATA_ENTRY"], { regionId: w.regionA.id }, true);
    expect((await sessionAfterSignIn(demo.username, undefined, at(0))).pending).toBeNull();
    expect(await getMfaStatus(hs)).toMatchObject({ enabled: false, required: false });
  });

  it("enrolment: a wrong code is refused and audited; the right one enables MFA and yields 10 recovery codes stored only as hashes", async () => {
    const u = await fresh(["PUBLISHER"], { regionId: w.regionA.id });
    const s = await sessionAfterSignIn(u.username, undefined, at(0));
    const { secret } = await beginMfaEnrolment(s);
    expect((await beginMfaEnrolment(s)).secret).toBe(secret); // reloading the page keeps the pending secret
    const wrong = String((Number(await totpCode(secret, at(0))) + 1) % 1_000_000).padStart(6, "0");
    await expect(confirmMfaEnrolment(s, { code: wrong }, at(0))).rejects.toMatchObject({ code: "INVALID" });
    expect(
      await prisma().auditEvent.findFirstOrThrow({ where: { action: "account.mfa.enrol", actorId: u.userId }, orderBy: { id: "desc" } }),
    ).toMatchObject({ result: "FAILURE" });
    const { recoveryCodes } = await confirmMfaEnrolment(s, { code: await totpCode(secret, at(0)) }, at(0));
    expect(recoveryCodes).toHaveLength(10);
    const row = await prisma().user.findUniqueOrThrow({ where: { id: u.userId } });
    expect(row.mfaSecret).toMatch(/^v1:/); // AES-256-GCM sealed, not the base32 secret
    expect(row.mfaSecret).not.toContain(secret);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await prisma().mfaRecoveryCode.findMany({ where: { userId: u.userId } });
    expect(stored.map((c) => c.codeHash).sort()).toEqual(recoveryCodes.map(hashRecoveryCode).sort());
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0]);
    const audits = JSON.stringify(
      (await prisma().auditEvent.findMany({ where: { actorId: u.userId } })).map((e) => ({ ...e, id: String(e.id) })),
    );
    expect(audits).not.toContain(secret);
    expect(audits).not.toContain(recoveryCodes[0]);
    // The same session is no longer pending.
    const again = (await resolveSession({ uid: u.userId, sv: 0, sid: s.sessionId! }, meta(), at(1), env))!;
    expect(again.pending).toBeNull();
    await expect(confirmMfaEnrolment(again, { code: await totpCode(secret, at(60)) }, at(60))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("two steps: the password alone asks for the code; a wrong or reused code is refused; each code works once", async () => {
    const u = await fresh(["DATA_REVIEWER"], { regionId: w.regionA.id });
    const { secret } = await enrol(await sessionAfterSignIn(u.username, undefined, at(0)), at(0));
    const before = await prisma().loginAttempt.count({ where: { userId: u.userId, success: false } });
    expect(await signIn(u.username, undefined, at(90))).toEqual({ ok: false, error: "mfa-required" });
    expect(await prisma().loginAttempt.count({ where: { userId: u.userId, success: false } })).toBe(before); // not a failure
    expect(await authenticate({ username: u.username, password: "Wrong#pass1" }, meta(), at(90), env)).toEqual({
      ok: false,
      error: "refused",
    }); // no code step without the password
    expect(await signIn(u.username, "000000", at(90))).toEqual({ ok: false, error: "code-invalid" });
    const code = await totpCode(secret, at(90));
    expect((await signIn(u.username, code, at(90))).ok).toBe(true);
    expect(await signIn(u.username, code, at(95))).toEqual({ ok: false, error: "code-invalid" }); // replay within its step
    expect(await signIn(u.username, await totpCode(secret, at(60)), at(95))).toEqual({ ok: false, error: "code-invalid" }); // an older step
    expect((await signIn(u.username, await totpCode(secret, at(120)), at(120))).ok).toBe(true);
    const ok = await prisma().auditEvent.findFirstOrThrow({
      where: { action: "auth.login", result: "SUCCESS", objectId: u.userId },
      orderBy: { id: "desc" },
    });
    expect(ok.detail).toMatchObject({ factor: "totp" });
  });

  it("a recovery code signs in once", async () => {
    const u = await fresh(["SUPERVISOR"], { provinceId: w.province.id });
    const { recoveryCodes } = await enrol(await sessionAfterSignIn(u.username, undefined, at(0)), at(0));
    expect((await signIn(u.username, recoveryCodes[3].toUpperCase(), at(200))).ok).toBe(true);
    expect(await signIn(u.username, recoveryCodes[3], at(230))).toEqual({ ok: false, error: "code-invalid" });
    const ok = await prisma().auditEvent.findFirstOrThrow({
      where: { action: "auth.login", result: "SUCCESS", objectId: u.userId },
      orderBy: { id: "desc" },
    });
    expect(ok.detail).toMatchObject({ factor: "recovery-code", recoveryCodesLeft: 9 });
  });

  it("5 wrong codes lock the account like wrong passwords", async () => {
    const u = await fresh(["DATA_ENTRY"], { regionId: w.regionA.id });
    const { secret } = await enrol(await sessionAfterSignIn(u.username, undefined, at(0)), at(0));
    for (let i = 0; i < 5; i++) expect(await signIn(u.username, "12345" + i, at(60 + i))).toEqual({ ok: false, error: "code-invalid" });
    expect(await signIn(u.username, await totpCode(secret, at(100)), at(100))).toEqual({ ok: false, error: "refused" });
    expect(await prisma().auditEvent.count({ where: { action: "auth.lockout", objectId: u.userId } })).toBe(1);
  });

  it("a security admin's MFA reset forces enrolment again at the next sign-in, even for a hospital user", async () => {
    const u = await fresh(["HOSPITAL_VIEWER"], { institutionId: w.hospitalA2.id });
    await enrol(await sessionAfterSignIn(u.username, undefined, at(0)), at(0));
    await resetMfa(secAdmin, { id: u.userId });
    const row = await prisma().user.findUniqueOrThrow({ where: { id: u.userId } });
    expect(row).toMatchObject({ mfaSecret: null, mfaEnrolRequired: true });
    expect(await prisma().mfaRecoveryCode.count({ where: { userId: u.userId } })).toBe(0);
    expect(await prisma().auditEvent.findFirstOrThrow({ where: { action: "security.mfa.reset", objectId: u.userId } })).toMatchObject({
      actorId: secAdmin.userId,
    });
    const s = await sessionAfterSignIn(u.username, undefined, at(300));
    expect(s.pending).toBe("enrol-mfa");
    await expect(getOwnInstitution(s)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await enrol(s, at(300));
    expect(await prisma().user.findUniqueOrThrow({ where: { id: u.userId } })).toMatchObject({ mfaEnrolRequired: false });
    await expect(resetMfa(secAdmin, { id: secAdmin.userId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
