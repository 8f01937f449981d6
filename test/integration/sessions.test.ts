import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { changePassword } from "@/app/_server/account/change-password";
import { signOutEverywhere } from "@/app/_server/account/sign-out-everywhere";
import { setUserStatus } from "@/app/_server/admin/set-user-status";
import { updateUser } from "@/app/_server/admin/update-user";
import { getOwnInstitution } from "@/app/_server/home/get-own-institution";
import type { Session } from "@/app/_server/auth/session";
import { endSession, resolveSession, type SessionToken } from "@/app/_server/auth/session-store";
import { authenticate } from "@/app/_server/auth/sign-in";
import { totpCode } from "@/app/_server/auth/totp";
import { readEnv } from "@/app/_server/env";
import { resetMfa } from "@/app/_server/security/reset-mfa";
import { terminateSessions } from "@/app/_server/security/terminate-sessions";
import { listAccounts } from "@/app/_server/security/list-accounts";
import { createUserSession, createWorld, TEST_MFA_SECRET, TEST_PASSWORD, type World } from "../helpers/fixtures";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Session lifecycle (MLPS-02 / T11): idle and absolute timeouts enforced server-side on every request, and
 * every way of ending sessions (sign-out, sign-out everywhere, termination by the security admin, password,
 * role, status or MFA change) makes the old cookie worthless. Time is injected.
 */
const T0 = new Date("2026-11-23T08:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const env = readEnv({ NODE_ENV: "test" });
const meta = () => ({ ip: "10.9.0.1", requestId: randomUUID() });

describe("sessions", () => {
  const prisma = useTestDatabase();
  let w: World;
  let secAdmin: Session;
  let sysAdmin: Session;
  let step = 0;

  /** Signs a user in (with a fresh TOTP code) at `when` and returns the JWT content next-auth would keep. */
  async function signedIn(user: Session, when = T0): Promise<SessionToken> {
    const code = await totpCode(TEST_MFA_SECRET, new Date(when.getTime() + ++step * 30_000));
    const r = await authenticate(
      { username: user.username, password: TEST_PASSWORD, code },
      meta(),
      new Date(when.getTime() + step * 30_000),
      env,
    );
    if (!r.ok) throw new Error("sign-in failed: " + r.error);
    return { uid: r.user.id, sv: r.user.sessionVersion, sid: r.sessionId };
  }
  const hospital = () => createUserSession(prisma(), ["HOSPITAL_VIEWER"], { institutionId: w.hospitalA1.id });

  beforeAll(async () => {
    w = await createWorld(prisma());
    secAdmin = await createUserSession(prisma(), ["SECURITY_ADMIN"]);
    sysAdmin = await createUserSession(prisma(), ["SYSTEM_ADMIN"]);
  });

  it("defaults: idle 30 minutes, absolute 12 hours, password expiry 90 days; each configurable", () => {
    expect(env).toMatchObject({ sessionIdleTimeout: 1800, sessionMaxAge: 43200, passwordMaxAgeDays: 90 });
    expect(
      readEnv({
        NODE_ENV: "test",
        ...{ LIANGDI_SESSION_IDLE_TIMEOUT: "900", LIANGDI_SESSION_MAX_AGE: "28800", LIANGDI_PASSWORD_MAX_AGE_DAYS: "0" },
      }),
    ).toMatchObject({
      sessionIdleTimeout: 900,
      sessionMaxAge: 28800,
      passwordMaxAgeDays: 0,
    });
  });

  it("a session idle for more than 30 minutes ends, and stays ended", async () => {
    const u = await hospital();
    const token = await signedIn(u);
    const start = (await prisma().userSession.findUniqueOrThrow({ where: { id: token.sid } })).createdAt.getTime();
    const after = (min: number) => new Date(start + min * 60_000);
    expect(await resolveSession(token, meta(), after(29), env)).toMatchObject({ userId: u.userId, sessionId: token.sid });
    expect(await resolveSession(token, meta(), after(58), env)).not.toBeNull(); // 29 minutes after the last use
    expect(await resolveSession(token, meta(), after(89), env)).toBeNull(); // 31 minutes idle
    expect(await resolveSession(token, meta(), after(90), env)).toBeNull();
    expect(await prisma().userSession.findUniqueOrThrow({ where: { id: token.sid } })).toMatchObject({ endReason: "idle" });
    expect(await prisma().auditEvent.count({ where: { action: "auth.session.expire", objectId: token.sid } })).toBe(1);
  });

  it("an active session ends after 12 hours all the same", async () => {
    const u = await hospital();
    const token = await signedIn(u);
    const start = (await prisma().userSession.findUniqueOrThrow({ where: { id: token.sid } })).createdAt.getTime();
    for (let min = 20; min < 720; min += 20)
      expect(await resolveSession(token, meta(), new Date(start + min * 60_000), env)).not.toBeNull();
    expect(await resolveSession(token, meta(), new Date(start + 721 * 60_000), env)).toBeNull();
    expect(await prisma().userSession.findUniqueOrThrow({ where: { id: token.sid } })).toMatchObject({ endReason: "absolute" });
  });

  it("signing out ends that session only; a forged or foreign session id is refused", async () => {
    const u = await hospital();
    const a = await signedIn(u);
    const b = await signedIn(u);
    await endSession(a, meta());
    expect(await resolveSession(a, meta(), at(10), env)).toBeNull();
    expect(await resolveSession(b, meta(), at(10), env)).not.toBeNull();
    expect(await resolveSession({ ...b, sid: randomUUID() }, meta(), at(10), env)).toBeNull();
    expect(await resolveSession({ ...b, uid: secAdmin.userId }, meta(), at(10), env)).toBeNull();
    expect(await resolveSession({ uid: u.userId, sv: 0 }, meta(), at(10), env)).toBeNull(); // a JWT from before session rows
  });

  it("sign-out everywhere ends every session of the user", async () => {
    const u = await hospital();
    const [a, b] = [await signedIn(u), await signedIn(u)];
    const self = (await resolveSession(a, meta(), at(5), env))!;
    expect(await signOutEverywhere(self)).toEqual({ ended: 2 });
    expect(await resolveSession(a, meta(), at(6), env)).toBeNull();
    expect(await resolveSession(b, meta(), at(6), env)).toBeNull();
    expect(await prisma().auditEvent.count({ where: { action: "auth.logout.everywhere", actorId: u.userId } })).toBe(1);
  });

  it("the security admin terminates another user's sessions (not their own), audited", async () => {
    const u = await hospital();
    const token = await signedIn(u, new Date(Date.now() - 10 * 60_000)); // the list counts against the real clock
    const listed = async () => (await listAccounts(secAdmin)).find((a) => a.id === u.userId);
    expect(await listed()).toMatchObject({ activeSessions: 1 });
    await terminateSessions(secAdmin, { id: u.userId });
    expect(await resolveSession(token, meta(), new Date(), env)).toBeNull();
    expect(await listed()).toMatchObject({ activeSessions: 0 });
    expect(
      await prisma().auditEvent.findFirstOrThrow({ where: { action: "security.sessions.terminate", objectId: u.userId } }),
    ).toMatchObject({ actorId: secAdmin.userId });
    await expect(terminateSessions(secAdmin, { id: secAdmin.userId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a password change, a role change, disabling and an MFA reset each end the user's sessions", async () => {
    const cases: [string, (u: Session) => Promise<unknown>][] = [
      ["password", (u) => changePassword(u, { current: TEST_PASSWORD, next: "Changed#2026x", confirm: "Changed#2026x" })],
      ["roles", (u) => updateUser(sysAdmin, { id: u.userId, displayName: u.displayName, roles: ["DATA_ENTRY"], regionId: w.regionA.id })],
      ["disable", (u) => setUserStatus(sysAdmin, { id: u.userId, status: "DISABLED" })],
      ["mfa", (u) => resetMfa(secAdmin, { id: u.userId })],
    ];
    for (const [what, act] of cases) {
      const u = await hospital();
      const token = await signedIn(u);
      const live = (await resolveSession(token, meta(), at(5), env))!;
      expect(live, what).not.toBeNull();
      await act(live);
      expect(await resolveSession(token, meta(), at(6), env), what).toBeNull();
    }
  });

  it("a password older than 90 days must be changed first: every use case is refused until then; 0 turns expiry off; demo accounts are exempt", async () => {
    const u = await hospital();
    const token = await signedIn(u);
    await prisma().user.update({ where: { id: u.userId }, data: { passwordChangedAt: new Date(T0.getTime() - 91 * 86_400_000) } });
    const expired = (await resolveSession(token, meta(), at(5), env))!;
    expect(expired).toMatchObject({ pending: "password-expired", mustChangePassword: true });
    await expect(getOwnInstitution(expired)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(
      await prisma().auditEvent.findFirstOrThrow({ where: { actorId: u.userId, result: "DENIED" }, orderBy: { id: "desc" } }),
    ).toMatchObject({
      detail: { pending: "password-expired" },
    });
    expect(await resolveSession(token, meta(), at(6), { ...env, passwordMaxAgeDays: 0 })).toMatchObject({ pending: null });
    await prisma().user.update({ where: { id: u.userId }, data: { isDemo: true } });
    expect(await resolveSession(token, meta(), at(7), env)).toMatchObject({ pending: null });
    await prisma().user.update({
      where: { id: u.userId },
      data: { isDemo: false, passwordChangedAt: new Date(T0.getTime() - 89 * 86_400_000) },
    });
    const fresh = (await resolveSession(token, meta(), at(8), env))!;
    expect(fresh.pending).toBeNull();
    expect((await getOwnInstitution(fresh)).code).toBe("H34010000001");
  });
});
