"use client";

import { DownloadOutlined } from "@ant-design/icons";
import { Button } from "antd";

/** A download link styled as a button (icons must render in a client component). */
export function DownloadButton({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Button icon={<DownloadOutlined />} href={href}>
      {children}
    </Button>
  );
}
