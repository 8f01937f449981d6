import type { Metadata } from "next";
import { DEFAULT_PASSWORD_POLICY } from "@/app/_domain/password-policy";
import { listInstitutions } from "@/app/_server/admin/list-institutions";
import { listProvinces } from "@/app/_server/admin/list-provinces";
import { listRegions } from "@/app/_server/admin/list-regions";
import { listUsers } from "@/app/_server/admin/list-users";
import { requireSession } from "@/app/_server/auth/current-session";
import { orNotFound } from "@/app/_server/auth/page-guard";
import { UsersTable } from "@/components/admin/users-table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "用户管理" };

export default async function UsersPage() {
  const session = await requireSession();
  const [users, regions, institutions, provinces] = await orNotFound(() =>
    Promise.all([listUsers(session), listRegions(session), listInstitutions(session), listProvinces(session)]),
  );
  return (
    <>
      <PageHeader
        title="用户管理"
        description="创建账号、分配角色与权限范围、停用账号和重置密码。三员分立：管理员角色互斥，且不能修改自己的角色、状态或密码。"
      />
      <UsersTable
        users={users}
        currentUserId={session.userId}
        policy={DEFAULT_PASSWORD_POLICY}
        options={{
          provinces,
          regions: regions.map((r) => ({ id: r.id, code: r.code, name: r.name, provinceId: r.provinceId })),
          institutions: institutions.map((i) => ({ id: i.id, code: i.code, name: i.name, regionId: i.regionId })),
        }}
      />
    </>
  );
}
