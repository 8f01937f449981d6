import { Card, Col, Row, Statistic, Typography } from "antd";
import type { Metadata } from "next";
import Link from "next/link";
import { getAdminOverview } from "@/app/_server/home/get-admin-overview";
import { requireSession } from "@/app/_server/auth/current-session";
import { orNotFound } from "@/app/_server/auth/page-guard";
import { BackupDownloadButton } from "@/components/admin/backup-download-button";
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
                <div style={{ color: "#8a94a6", marginTop: 8 }}>{c.note}</div>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
      <Card title="数据库备份" style={{ marginTop: 16 }}>
        <Typography.Paragraph>
          下载内嵌数据库的完整备份（门户运行中即可下载，内容一致；下载会记入审计日志）。恢复时在停止运行的服务器上执行{" "}
          <Typography.Text code>npm run db:restore -- 备份文件.tar.gz</Typography.Text>，恢复到空的数据目录。备份含全部账号和数据，请加密保存；
          使用 PostgreSQL 部署时请用 pg_dump / pg_restore 备份和恢复。
        </Typography.Paragraph>
        <BackupDownloadButton />
      </Card>
    </>
  );
}
