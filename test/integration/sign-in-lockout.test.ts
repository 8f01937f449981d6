import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/app/_server/auth/sign-in";
import type { Session } from "@/app/_server/auth/session";
import { readEnv } from "@/app/_server/env";
import { unlockAccount } from "@/app/_server/security/unlock-account";
import { createUserSession, createWorld, TEST_PASSWORD, type World } from "../helpers/fixtures";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Login-failure handling (docs/security-requirements.md MLPS-02 / T10): 5 failures within 15 minutes lock the account
 * for 15 minutes, the answer never tells a locked account from a wrong password or an unknown user, each
 * client address is limited to 20 failures per 15 minutes, and every step is audited. Time is injected.
 */
const T0 = new Date("2026-11-23T08:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const limits = readEnv({ NODE_ENV: "test" });
const meta = (ip: string) => ({ ip, requestId: randomUUID() });

describe("sign-in lockout and rate limit", () => {
  const prisma = useTestDatabase();
  let w: World;
  let secAdmin: Session;
  /** A hospital user (MFA optional), so that the password is the only factor here. */
  const hospitalUser = async () => {
    const s = await createUserSession(prisma(), ["HOSPITAL_VIEWER"], { institutionId: w.hospitalA1.id });
    await prisma().user.update({ where: { id: s.userId }, data: { mfaSecret: null } });
    return s;
  };

  beforeAll(async () => {
    w = await createWorld(prisma());
    secAdmin = await createUserSession(prisma(), ["SECURITY_ADMIN"]);
  });

  it("defaults: 5 failures in 15 minutes lock for 15 minutes; 20 failures per IP per 15 minutes", () => {
    expect(limits).toMatchObject({
      loginMaxFailures: 5,
      loginFailureWindowMinutes: 15,
      loginLockMinutes: 15,
      loginIpMaxFailures: 20,
      loginIpWindowMinutes: 15,
    });
    expect(
      readEnv({
        NODE_ENV: "test",
        ...{ LIANGDI_LOGIN_MAX_FAILURES: "3", LIANGDI_LOGIN_LOCK_MINUTES: "30", LIANGDI_LOGIN_IP_MAX_FAILURES: "50" },
      }),
    ).toMatchObject({
      loginMaxFailures: 3,
      loginLockMinutes: 30,
      loginIpMaxFailures: 50,
    });
  });

  it("5 wrong passwords from 5 addresses lock the account: the right password is refused with the same answer until 15 minutes pass", async () => {
    const u = await hospitalUser();
    for (let i = 0; i < 5; i++)
      expect(await authenticate({ username: u.username, password: "Wrong#pass1" }, meta(`10.1.0.${i + 1}`), at(i), limits)).toEqual({
        ok: false,
        error: "refused",
      });
    const locked = await authenticate({ username: u.username, password: TEST_PASSWORD }, meta("10.1.1.1"), at(5), limits);
    const unknown = await authenticate({ username: "no_such_user", password: TEST_PASSWORD }, meta("10.1.1.2"), at(5), limits);
    expect(locked).toEqual({ ok: false, error: "refused" });
    expect(unknown).toEqual(locked);

    const audits = await prisma().auditEvent.findMany({ where: { objectId: u.userId }, orderBy: { id: "asc" } });
    expect(
      audits.filter((a) => a.action === "auth.login" && a.result === "FAILURE").map((a) => (a.detail as { reason: string }).reason),
    ).toEqual([...Array(5).fill("wrong-password"), "locked"]);
    const lockouts = audits.filter((a) => a.action === "auth.lockout");
    expect(lockouts).toHaveLength(1);
    expect(lockouts[0].detail).toMatchObject({ failures: 5, lockedUntil: at(19).toISOString() });
    // Persisted in the database (so a restart changes nothing) with the address of each attempt.
    const attempts = await prisma().loginAttempt.findMany({ where: { userId: u.userId }, orderBy: { id: "asc" } });
    expect(attempts.map((a) => a.ip)).toEqual(["10.1.0.1", "10.1.0.2", "10.1.0.3", "10.1.0.4", "10.1.0.5", "10.1.1.1"]);
    expect((await prisma().user.findUniqueOrThrow({ where: { id: u.userId } })).lockedUntil).toEqual(at(19));

    expect(await authenticate({ username: u.username, password: TEST_PASSWORD }, meta("10.1.1.1"), at(18.9), limits)).toEqual({
      ok: false,
      error: "refused",
    });
    const after = await authenticate({ username: u.username, password: TEST_PASSWORD }, meta("10.1.1.1"), at(19.1), limits);
    expect(after.ok).toBe(true);
    // The failures that caused the lock do not count again: one more failure does not re-lock.
    await authenticate({ username: u.username, password: "Wrong#pass1" }, meta("10.1.1.1"), at(20), limits);
    expect((await authenticate({ username: u.username, password: TEST_PASSWORD }, meta("10.1.1.1"), at(21), limits)).ok).toBe(true);
  });

  it("failures spread wider than the window, or interrupted by a success, do not lock", async () => {
    const u = await hospitalUser();
    const wrong = (m: number) => authenticate({ username: u.username, password: "Wrong#pass1" }, meta("10.2.0.1"), at(m), limits);
    for (const m of [0, 1, 2, 3]) await wrong(m);
    await wrong(16); // the one at minute 0 has left the window
    expect((await authenticate({ username: u.username, password: TEST_PASSWORD }, meta("10.2.0.1"), at(17), limits)).ok).toBe(true);
    for (const m of [18, 19, 20, 21]) await wrong(m); // 4 since the success
    expect((await authenticate({ username: u.username, password: TEST_PASSWORD }, meta("10.2.0.1"), at(22), limits)).ok).toBe(true);
    expect(await prisma().auditEvent.count({ where: { action: "auth.lockout", objectId: u.userId } })).toBe(0);
  });

  it("an address with 20 failures in 15 minutes is refused, even with a right password, until the window passes; other addresses are not", async () => {
    const u = await hospitalUser();
    for (let i = 0; i < 20; i++)
      expect(await authenticate({ username: `ghost_${i}`, password: "x" }, meta("10.3.0.1"), at(i / 2), limits)).toEqual({
        ok: false,
        error: "refused",
      });
    expect(await authenticate({ username: u.username, password: TEST_PASSWORD }, meta("10.3.0.1"), at(10), limits)).toEqual({
      ok: false,
      error: "rate-limited",
    });
    expect((await authenticate({ username: u.username, password: TEST_PASSWORD }, meta("10.3.0.2"), at(10), limits)).ok).toBe(true);
    const refusal = await prisma().auditEvent.findFirstOrThrow({
      where: { action: "auth.login", ip: "10.3.0.1" },
      orderBy: { id: "desc" },
    });
    expect(refusal).toMatchObject({ result: "FAILURE", detail: { reason: "rate-limited" } });
    // The refused attempts count too, so hammering keeps the address out; once 15 minutes are quiet it is let in.
    expect((await authenticate({ username: u.username, password: TEST_PASSWORD }, meta("10.3.0.1"), at(26), limits)).ok).toBe(true);
  });

  it("the security admin unlocks a locked account at once, audited", async () => {
    const u = await hospitalUser();
    for (let i = 0; i < 5; i++) await authenticate({ username: u.username, password: "Wrong#pass1" }, meta("10.4.0.1"), at(i), limits);
    expect(await authenticate({ username: u.username, password: TEST_PASSWORD }, meta("10.4.0.1"), at(6), limits)).toEqual({
      ok: false,
      error: "refused",
    });
    await unlockAccount(secAdmin, { id: u.userId }, at(7));
    expect((await authenticate({ username: u.username, password: TEST_PASSWORD }, meta("10.4.0.1"), at(8), limits)).ok).toBe(true);
    const audit = await prisma().auditEvent.findFirstOrThrow({ where: { action: "security.unlock", objectId: u.userId } });
    expect(audit).toMatchObject({
      actorId: secAdmin.userId,
      result: "SUCCESS",
      detail: { username: u.username, wasLockedUntil: at(19).toISOString() },
    });
  });

  it("a disabled account is refused with the same answer", async () => {
    const u = await hospitalUser();
    await prisma().user.update({ where: { id: u.userId }, data: { status: "DISABLED" } });
    expect(await authenticate({ username: u.username, password: TEST_PASSWORD }, meta("10.5.0.1"), at(0), limits)).toEqual({
      ok: false,
      error: "refused",
    });
  });
});
