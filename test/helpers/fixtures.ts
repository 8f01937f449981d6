import { randomUUID } from "node:crypto";
import type { Role } from "@/app/_domain/roles";
import { toSession, type Session, type SessionUser } from "@/app/_server/auth/session";
import { hashPassword } from "@/app/_server/auth/passwords";
import type { PrismaClient } from "@/app/_server/generated/prisma/client";

/** A small world: one province, two regions (A, B), two institutions in A and one in B. */
export async function createWorld(prisma: PrismaClient) {
  const province = await prisma.province.create({ data: { code: "340000", name: "安徽省" } });
  const otherProvince = await prisma.province.create({ data: { code: "320000", name: "江苏省" } });
  const regionA = await prisma.region.create({ data: { code: "340100", name: "合肥市", level: "CITY", provinceId: province.id } });
  const regionB = await prisma.region.create({ data: { code: "340200", name: "芜湖市", level: "CITY", provinceId: province.id } });
  const inst = (code: string, name: string, regionId: string) =>
    prisma.institution.create({ data: { code, name, regionId, level: "LEVEL_3", type: "GENERAL" } });
  const hospitalA1 = await inst("H34010000001", "合肥甲医院", regionA.id);
  const hospitalA2 = await inst("H34010000002", "合肥乙医院", regionA.id);
  const hospitalB1 = await inst("H34020000001", "芜湖甲医院", regionB.id);
  return { province, otherProvince, regionA, regionB, hospitalA1, hospitalA2, hospitalB1 };
}
export type World = Awaited<ReturnType<typeof createWorld>>;

let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "Test@Passw0rd";
/** A fixed TOTP secret (20 bytes, base32) for fixture users. */
export const TEST_MFA_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/** Creates a user with the given roles and scope and returns the Session a signed-in request would carry. */
export async function createUserSession(
  prisma: PrismaClient,
  roles: Role[],
  scope: { provinceId?: string; regionId?: string; institutionId?: string } = {},
  username = `u_${randomUUID().slice(0, 8)}`,
): Promise<Session> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  // Enrolled in MFA, as every bureau user must be outside demo mode (otherwise the session is pending enrolment).
  const user = await prisma.user.create({
    data: {
      username,
      displayName: username,
      passwordHash: await cachedHash,
      roles,
      ...scope,
      mfaSecret: TEST_MFA_SECRET,
      mfaEnabledAt: new Date(),
    },
  });
  return sessionOf(user);
}

/** The Session of a user row, built the way a signed-in request builds it. */
export function sessionOf(
  user: Pick<SessionUser, "id" | "username" | "displayName" | "roles" | "provinceId" | "regionId" | "institutionId"> & Partial<SessionUser>,
): Session {
  const full: SessionUser = {
    mustChangePassword: false,
    passwordChangedAt: new Date(),
    isDemo: false,
    mfaEnrolRequired: false,
    ...user,
    mfaSecret: user.mfaSecret === undefined ? TEST_MFA_SECRET : user.mfaSecret,
  };
  return toSession(full, { requestId: randomUUID(), ip: "127.0.0.1" });
}

/** The natural scope of a role in the world. */
export function scopeFor(role: Role, w: World) {
  if (role === "SUPERVISOR") return { provinceId: w.province.id };
  if (role === "HOSPITAL_VIEWER") return { institutionId: w.hospitalA1.id };
  if (role === "DATA_ENTRY" || role === "DATA_REVIEWER" || role === "PUBLISHER") return { regionId: w.regionA.id };
  return {};
}
