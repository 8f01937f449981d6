"use client";

import { Typography } from "antd";

/** The title block at the top of every portal page. */
export function PageHeader({ title, description, extra }: { title: string; description?: string; extra?: React.ReactNode }) {
  return (
    <div
      className="page-header"
      style={{ display: "flex", alignItems: "flex-start", justifyContent: "space-between", marginBottom: 16, gap: 16 }}
    >
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {description && (
          <Typography.Paragraph type="secondary" style={{ margin: "6px 0 0" }}>
            {description}
          </Typography.Paragraph>
        )}
      </div>
      {extra}
    </div>
  );
}
