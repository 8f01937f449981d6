"use client";

import { DownloadOutlined } from "@ant-design/icons";
import { Button } from "antd";

/** The backup download (a client component: an icon is a function, which a server component cannot pass). */
export function BackupDownloadButton() {
  return (
    <Button icon={<DownloadOutlined />} href="/api/admin/backup" data-testid="download-backup">
      下载数据库备份
    </Button>
  );
}
