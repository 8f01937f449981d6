import { hashPassword } from "@/app/_server/auth/passwords";
import { recordAudit } from "@/app/_server/audit/record-audit";
import type { PrismaClient } from "@/app/_server/generated/prisma/client";
import { DEMO_PASSWORD, DEMO_PROVINCE, DEMO_REGIONS, DEMO_USERS } from "./demo-data";

export interface DemoSummary {
  created: boolean;
  password: string;
  users: { username: string; displayName: string; roles: string[] }[];
}

/**
 * Creates the demo province, regions, institutions and one account per role, in one transaction, when the
 * database has no users yet. Demo accounts are flagged (isDemo) and exist only in demo mode.
 */
export async function seedDemoIfEmpty(prisma: PrismaClient): Promise<DemoSummary> {
  const summary = { password: DEMO_PASSWORD, users: DEMO_USERS.map(({ username, displayName, roles }) => ({ username, displayName, roles })) };
  const anyUser = await prisma.user.findFirst({ select: { isDemo: true } });
  if (anyUser) return { ...summary, created: false, ...(anyUser.isDemo ? {} : { users: [] }) };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.$transaction(
    async (tx) => {
      const province = await tx.province.create({ data: DEMO_PROVINCE });
      const regionIds = new Map<string, string>();
      const institutionIds = new Map<string, string>();
      for (const r of DEMO_REGIONS) {
        const region = await tx.region.create({ data: { code: r.code, name: r.name, level: r.level, provinceId: province.id } });
        regionIds.set(r.code, region.id);
        const rows = r.institutions.map(([name, level, type, district, beds], i) => ({
          id: crypto.randomUUID(),
          code: `H${r.code}${String(i + 1).padStart(5, "0")}`,
          name,
          regionId: region.id,
          level,
          type,
          district,
          beds,
          designatedSince: new Date(Date.UTC(2012 + (i % 10), (i * 5) % 12, 1)),
        }));
        await tx.institution.createMany({ data: rows });
        for (const row of rows) institutionIds.set(row.name, row.id);
      }
      for (const u of DEMO_USERS) {
        await tx.user.create({
          data: {
            username: u.username,
            displayName: u.displayName,
            passwordHash,
            roles: u.roles,
            isDemo: true,
            provinceId: u.scope?.province ? province.id : null,
            regionId: u.scope?.region ? regionIds.get(u.scope.region) : null,
            institutionId: u.scope?.institutionOf ? institutionIds.get(u.scope.institutionOf) : null,
          },
        });
      }
      await tx.systemSetting.create({ data: { key: "demo", value: { createdAt: new Date().toISOString() } } });
      await recordAudit(tx, { username: "system" }, { action: "demo.seed", objectType: "Province", objectId: province.id });
    },
    { timeout: 60_000 },
  );
  return { ...summary, created: true };
}
