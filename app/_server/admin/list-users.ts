import type { Role } from "@/app/_domain/roles";
import type { UserStatus } from "@/app/_domain/schemas/user";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";

/** One account as the user-management screen shows it; never the password hash. */
export interface UserDto {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  status: UserStatus;
  provinceId: string | null;
  provinceName: string | null;
  regionId: string | null;
  regionName: string | null;
  institutionId: string | null;
  institutionName: string | null;
  lastLoginAt: string | null;
  mustChangePassword: boolean;
  isDemo: boolean;
}

export async function listUsers(session: Session): Promise<UserDto[]> {
  await requirePermission(session, "user.manage");
  const prisma = await db();
  const rows = await prisma.user.findMany({
    select: {
      id: true,
      username: true,
      displayName: true,
      roles: true,
      status: true,
      provinceId: true,
      regionId: true,
      institutionId: true,
      lastLoginAt: true,
      mustChangePassword: true,
      isDemo: true,
      province: { select: { name: true } },
      region: { select: { name: true } },
      institution: { select: { name: true } },
    },
    orderBy: { username: "asc" },
  });
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles as Role[],
    status: u.status,
    provinceId: u.provinceId,
    provinceName: u.province?.name ?? null,
    regionId: u.regionId,
    regionName: u.region?.name ?? null,
    institutionId: u.institutionId,
    institutionName: u.institution?.name ?? null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    mustChangePassword: u.mustChangePassword,
    isDemo: u.isDemo,
  }));
}
