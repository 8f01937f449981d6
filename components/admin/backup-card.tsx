"use client";

import { DownloadOutlined } from "@ant-design/icons";
import { Button, Card, Typography } from "antd";

/**
 * The 数据库备份 card of 系统概览. A client component: the icon is a function, and Typography.Paragraph a
 * property of a client module, neither of which a server component can pass or reach.
 */
export function BackupCard() {
  return (
    <Card title="数据库备份" style={{ marginTop: 16 }}>
      <Typography.Paragraph>
        下载内嵌数据库的完整备份（门户运行中即可下载，内容一致；下载会记入审计日志）。恢复时在停止运行的服务器上执行{" "}
        <Typography.Text code>npm run db:restore -- 备份文件.tar.gz</Typography.Text>
        ，恢复到空的数据目录。备份含全部账号和数据，请加密保存； 使用 PostgreSQL 部署时请用 pg_dump / pg_restore 备份和恢复。
      </Typography.Paragraph>
      <Button icon={<DownloadOutlined />} href="/api/admin/backup" data-testid="download-backup">
        下载数据库备份
      </Button>
    </Card>
  );
}
