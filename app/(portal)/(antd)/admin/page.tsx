import { Card, Col, Row, Statistic } from "antd";
import type { Metadata } from "next";
import Link from "next/link";
import { getAdminOverview } from "@/app/_server/home/get-admin-overview";
import { requireSession } from "@/app/_server/auth/current-session";
import { orNotFound } from "@/app/_server/auth/page-guard";
import { BackupCard } from "@/components/admin/backup-card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "系统概览" };

export default async function AdminHome() {
  const session = await requireSession();
  const o = await orNotFound(() => getAdminOverview(session));
  const cards = [
    { title: "统筹区", value: o.regions, suffix: "个", href: "/admin/regions", note: `${o.provinces} 个省份` },
    { title: "定点医疗机构", value: o.activeInstitutions, suffix: "家", href: "/admin/institutions", note: `共登记 ${o.institutions} 家` },
    { title: "用户", value: o.users - o.disabledUsers, suffix: "人", href: "/admin/users", note: `另有 ${o.disabledUsers} 个已停用` },
  ];
  return (
    <>
      <PageHeader title="系统概览" description="系统管理员维护统筹区、医疗机构和用户账号；审计日志由审计管理员查看。" />
      <Row gutter={16}>
        {cards.map((c) => (
          <Col span={8} key={c.title}>
            <Link href={c.href}>
              <Card hoverable>
                <Statistic title={c.title} value={c.value} suffix={c.suffix} />
                <div style={{ color: "#5b6474", marginTop: 8 }}>{c.note}</div>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
      <BackupCard />
    </>
  );
}
