"use client";

import { Select, Space, Typography } from "antd";
import { usePathname, useRouter } from "next/navigation";
import { LEVEL_LABELS, type InstitutionLevel } from "@/app/_domain/institutions";

/** Which institution's 本院 section the staff preview shows (?institution=CODE). */
export function PreviewPicker({
  institutions,
  value,
}: {
  institutions: { code: string; name: string; level: InstitutionLevel }[];
  value: string | null;
}) {
  const router = useRouter();
  const path = usePathname();
  return (
    <Space wrap>
      <Typography.Text type="secondary">按医疗机构预览「本院」部分：</Typography.Text>
      <Select
        style={{ width: 320, maxWidth: "100%" }}
        allowClear
        showSearch={{ optionFilterProp: "label" }}
        aria-label="预览机构"
        placeholder="选择机构"
        value={value}
        onChange={(code) => router.push(code ? `${path}?institution=${encodeURIComponent(code)}` : path)}
        options={institutions.map((i) => ({ value: i.code, label: `${i.name}（${LEVEL_LABELS[i.level]}）` }))}
        data-testid="preview-institution"
      />
    </Space>
  );
}
