import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/app/_domain/roles";
import { changePassword } from "@/app/_server/account/change-password";
import { createUser } from "@/app/_server/admin/create-user";
import { importInstitutions } from "@/app/_server/admin/import-institutions";
import { institutionImportTemplate } from "@/app/_server/admin/institution-import-template";
import { listInstitutions } from "@/app/_server/admin/list-institutions";
import { listProvinces } from "@/app/_server/admin/list-provinces";
import { listRegions } from "@/app/_server/admin/list-regions";
import { listUsers } from "@/app/_server/admin/list-users";
import { resetUserPassword } from "@/app/_server/admin/reset-user-password";
import { saveInstitution } from "@/app/_server/admin/save-institution";
import { saveRegion } from "@/app/_server/admin/save-region";
import { setUserStatus } from "@/app/_server/admin/set-user-status";
import { updateUser } from "@/app/_server/admin/update-user";
import { listAuditEvents } from "@/app/_server/audit/list-audit-events";
import { describeScope } from "@/app/_server/auth/describe-scope";
import type { Session } from "@/app/_server/auth/session";
import { getAdminOverview } from "@/app/_server/home/get-admin-overview";
import { getOwnInstitution } from "@/app/_server/home/get-own-institution";
import { getProvinceOverview } from "@/app/_server/home/get-province-overview";
import { getRegionWorkbench } from "@/app/_server/home/get-region-workbench";
import { listAccounts } from "@/app/_server/security/list-accounts";
import { createUserSession, createWorld, scopeFor, TEST_PASSWORD, type World } from "../helpers/fixtures";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Every role × every use case: allowed or FORBIDDEN, as PRODUCT.md §2 says. The expectations are written here
 * from the product table, not derived from ROLE_PERMISSIONS, so a wrong table entry or a use case that forgets
 * its guard both fail. A use case added to app/_server without a row here fails the completeness test.
 */
const ALL = ROLES;
const SYS: Role[] = ["SYSTEM_ADMIN"];
const REGION_STAFF: Role[] = ["DATA_ENTRY", "DATA_REVIEWER", "PUBLISHER"];

let seq = 0;
const next = () => String(++seq).padStart(2, "0");

type Case = { allowed: readonly Role[]; run: (s: Session, w: World) => Promise<unknown> };
const csv = (w: World) =>
  Buffer.from(`机构编码,机构名称,统筹区编码,医院等级,机构类别\nH3401000090${seq % 10},矩阵医院${next()},340100,二级,综合\n`);

const MATRIX: Record<string, Case> = {
  listProvinces: { allowed: SYS, run: (s) => listProvinces(s) },
  listRegions: { allowed: SYS, run: (s) => listRegions(s) },
  saveRegion: { allowed: SYS, run: (s, w) => saveRegion(s, { code: `3405${next()}`, name: "矩阵市", level: "CITY", provinceId: w.province.id }) },
  listInstitutions: { allowed: SYS, run: (s) => listInstitutions(s) },
  saveInstitution: {
    allowed: SYS,
    run: (s, w) => saveInstitution(s, { code: `H340100001${next()}`, name: "矩阵医院", regionId: w.regionA.id, level: "LEVEL_2", type: "GENERAL" }),
  },
  importInstitutions: { allowed: SYS, run: (s, w) => importInstitutions(s, { fileName: "i.csv", bytes: csv(w) }) },
  institutionImportTemplate: { allowed: SYS, run: (s) => institutionImportTemplate(s) },
  listUsers: { allowed: SYS, run: (s) => listUsers(s) },
  createUser: {
    allowed: SYS,
    run: (s, w) => createUser(s, { username: `m_${next()}`, displayName: "矩阵", roles: ["DATA_ENTRY"], regionId: w.regionA.id, password: "Matrix#2026x" }),
  },
  updateUser: { allowed: SYS, run: async (s, w) => updateUser(s, { id: (await target(w)).userId, displayName: "改名", roles: ["DATA_ENTRY"], regionId: w.regionA.id }) },
  setUserStatus: { allowed: SYS, run: async (s, w) => setUserStatus(s, { id: (await target(w)).userId, status: "DISABLED" }) },
  resetUserPassword: { allowed: SYS, run: async (s, w) => resetUserPassword(s, { id: (await target(w)).userId, password: "Reset#2026xy" }) },
  getAdminOverview: { allowed: SYS, run: (s) => getAdminOverview(s) },
  listAccounts: { allowed: ["SECURITY_ADMIN"], run: (s) => listAccounts(s) },
  listAuditEvents: { allowed: ["AUDIT_ADMIN"], run: (s) => listAuditEvents(s) },
  getRegionWorkbench: { allowed: REGION_STAFF, run: (s) => getRegionWorkbench(s) },
  getProvinceOverview: { allowed: ["SUPERVISOR"], run: (s) => getProvinceOverview(s) },
  getOwnInstitution: { allowed: ["HOSPITAL_VIEWER"], run: (s) => getOwnInstitution(s) },
  describeScope: { allowed: ALL, run: (s) => describeScope(s) },
  changePassword: { allowed: ALL, run: (s) => changePassword(s, { current: TEST_PASSWORD, next: "Changed#2026x", confirm: "Changed#2026x" }) },
};

let prismaRef: ReturnType<typeof useTestDatabase>;
/** A fresh DATA_ENTRY user for the user-management cases to act on. */
const target = (w: World) => createUserSession(prismaRef(), ["DATA_ENTRY"], { regionId: w.regionA.id });

describe("permission matrix: every role × every use case", () => {
  const prisma = useTestDatabase();
  prismaRef = prisma;
  let w: World;
  beforeAll(async () => {
    w = await createWorld(prisma());
  });

  for (const [name, c] of Object.entries(MATRIX))
    for (const role of ROLES)
      it(`${role} ${c.allowed.includes(role) ? "may" : "may not"} ${name}`, async () => {
        const session = await createUserSession(prisma(), [role], scopeFor(role, w));
        if (c.allowed.includes(role)) await c.run(session, w); // throws, and so fails, if refused
        else {
          await expect(c.run(session, w)).rejects.toMatchObject({ code: "FORBIDDEN" });
          const denied = await prisma().auditEvent.count({ where: { actorId: session.userId, result: "DENIED" } });
          expect(denied).toBeGreaterThan(0);
        }
      });

  it("a user with a role but no scope sees nothing", async () => {
    for (const [role, run] of [
      ["DATA_ENTRY", getRegionWorkbench],
      ["SUPERVISOR", getProvinceOverview],
      ["HOSPITAL_VIEWER", getOwnInstitution],
    ] as const) {
      const session = await createUserSession(prisma(), [role]);
      await expect(run(session)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("a region's staff see their own region only, a hospital user its own institution only", async () => {
    const entryB = await createUserSession(prisma(), ["DATA_ENTRY"], { regionId: w.regionB.id });
    const bench = await getRegionWorkbench(entryB);
    expect(bench.region.code).toBe("340200");
    expect(bench.institutions.map((i) => i.code)).toEqual(["H34020000001"]);
    const hospitalA2 = await createUserSession(prisma(), ["HOSPITAL_VIEWER"], { institutionId: w.hospitalA2.id });
    expect((await getOwnInstitution(hospitalA2)).code).toBe("H34010000002");
  });

  it("covers every use case in app/_server (completeness)", () => {
    const helpers = new Set(["requirePermission", "refuseSelfChange"]);
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (e.name !== "generated") walk(p);
        } else if (p.endsWith(".ts"))
          for (const m of fs.readFileSync(p, "utf8").matchAll(/export async function (\w+)\(session: Session/g)) if (!helpers.has(m[1])) found.push(m[1]);
      }
    };
    walk("app/_server");
    expect(found.sort()).toEqual(Object.keys(MATRIX).sort());
  });
});
