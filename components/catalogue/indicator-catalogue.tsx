"use client";

import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Descriptions, Empty, Input, Segmented, Space, Table, Tag, Tooltip, Typography } from "antd";
import Link from "next/link";
import { useMemo, useState } from "react";
import { BASIS_LABELS, FREQUENCY_LABELS, SCHEME_LABELS, TAG_LABELS, type IndicatorScope } from "@/app/_domain/catalogue";
import type { RegionIndicator } from "@/app/_server/catalogue/region-catalogue";
import { LocalIndicatorModal } from "./local-indicator-modal";

const EVIDENCE_COLORS: Record<string, string> = { A: "green", B: "blue", C: "orange", R: "default" };
const EVIDENCE_HELP =
  "证据等级：A 见于地方医保数据公开目录；B 见于国家统计口径（月度指标、统计公报）；C 仅见于会议材料；R 为推断重建。多个等级以 + 或 / 连接。";

function EvidenceTag({ grade }: { grade: string | null }) {
  if (!grade) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tooltip title={EVIDENCE_HELP}>
      <Tag color={EVIDENCE_COLORS[grade[0]] ?? "default"}>{grade}</Tag>
    </Tooltip>
  );
}

function range(i: RegionIndicator) {
  if (i.minValue === null && i.maxValue === null) return "未设置";
  return `${i.minValue ?? "不限"} ～ ${i.maxValue ?? "不限"}${i.unit === "%" ? "" : ` ${i.unit}`}`;
}

/**
 * The indicators of one catalogue, grouped by level (统筹区 / 医疗机构) and category; each row expands to its
 * definition (口径); each code links to the indicator's page (口径, readable formula, how its numbers are obtained).
 * Region staff may add and edit their region's local indicators here.
 */
export function IndicatorCatalogue({
  catalogueCode,
  indicators,
  canManageLocal,
  regionName,
}: {
  catalogueCode: string;
  indicators: RegionIndicator[];
  canManageLocal: boolean;
  regionName: string | null;
}) {
  const [scope, setScope] = useState<IndicatorScope>("REGION");
  const [q, setQ] = useState("");
  const [editing, setEditing] = useState<RegionIndicator | "new" | null>(null);
  const groups = useMemo(() => {
    const term = q.trim().toUpperCase();
    const rows = indicators.filter(
      (i) =>
        i.scope === scope &&
        (!term || i.code.includes(term) || i.nameZh.includes(q.trim()) || (i.nameEn ?? "").toUpperCase().includes(term)),
    );
    const byCategory = new Map<string, RegionIndicator[]>();
    for (const i of rows) byCategory.set(i.category, [...(byCategory.get(i.category) ?? []), i]);
    return [...byCategory.entries()];
  }, [indicators, scope, q]);
  const categories = useMemo(() => [...new Set(indicators.map((i) => i.category))], [indicators]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap>
        <Segmented<IndicatorScope>
          value={scope}
          onChange={setScope}
          options={[
            { value: "REGION", label: `统筹区指标（${indicators.filter((i) => i.scope === "REGION").length}）` },
            { value: "INSTITUTION", label: `医疗机构指标（${indicators.filter((i) => i.scope === "INSTITUTION").length}）` },
          ]}
        />
        <Input.Search
          placeholder="按编码或名称搜索"
          allowClear
          style={{ width: 240 }}
          onSearch={setQ}
          onChange={(e) => !e.target.value && setQ("")}
        />
        {canManageLocal && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
            新增地方指标
          </Button>
        )}
      </Space>
      {groups.length === 0 && (
        <Card>
          <Empty description="没有符合条件的指标" />
        </Card>
      )}
      {groups.map(([category, rows]) => (
        <Card key={category} title={`${category}（${rows.length} 项）`} size="small">
          <Table<RegionIndicator>
            rowKey="id"
            size="small"
            dataSource={rows}
            pagination={false}
            expandable={{
              expandedRowRender: (i) => (
                <Descriptions size="small" column={1} bordered>
                  <Descriptions.Item label="口径">{i.definition ?? "—"}</Descriptions.Item>
                  <Descriptions.Item label="数值类型">{BASIS_LABELS[i.basis]}</Descriptions.Item>
                  <Descriptions.Item label="合理范围">{range(i)}</Descriptions.Item>
                  {i.formula && (
                    <Descriptions.Item label="计算公式">
                      <code>{i.formula}</code>
                    </Descriptions.Item>
                  )}
                  {i.nameEn && <Descriptions.Item label="英文名称">{i.nameEn}</Descriptions.Item>}
                </Descriptions>
              ),
            }}
            columns={[
              {
                title: "编码",
                dataIndex: "code",
                width: 90,
                render: (v: string) => (
                  <Link className="num" href={`/catalogue/${encodeURIComponent(catalogueCode)}/${encodeURIComponent(v)}`}>
                    {v}
                  </Link>
                ),
              },
              { title: "名称", dataIndex: "nameZh" },
              { title: "单位", dataIndex: "unit", width: 80 },
              { title: "频次", dataIndex: "frequency", width: 60, render: (v: RegionIndicator["frequency"]) => FREQUENCY_LABELS[v] },
              {
                title: "险种",
                dataIndex: "schemes",
                width: 150,
                render: (v: RegionIndicator["schemes"]) => (
                  <Space size={2} wrap>
                    {v.map((s) => (
                      <Tag key={s} style={{ marginInlineEnd: 0 }}>
                        {SCHEME_LABELS[s]}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              {
                title: "类型",
                dataIndex: "formula",
                width: 240,
                render: (f: string | null) =>
                  f === null ? (
                    <Tag>填报</Tag>
                  ) : (
                    <Space size={4} align="start">
                      <Tag color="purple">派生</Tag>
                      <Typography.Text code style={{ fontSize: 12, wordBreak: "break-all" }}>
                        {f}
                      </Typography.Text>
                    </Space>
                  ),
              },
              { title: "证据", dataIndex: "evidence", width: 70, render: (g: string | null) => <EvidenceTag grade={g} /> },
              {
                title: "标签",
                dataIndex: "tag",
                width: 110,
                render: (t: RegionIndicator["tag"], i) => (
                  <Tag color={i.local ? "cyan" : t === "NATIONAL_REQUIRED" ? "red" : "default"}>{TAG_LABELS[t]}</Tag>
                ),
              },
              ...(canManageLocal
                ? [
                    {
                      title: "操作",
                      width: 60,
                      render: (_: unknown, i: RegionIndicator) => (i.local ? <a onClick={() => setEditing(i)}>编辑</a> : null),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      ))}
      {editing && (
        <LocalIndicatorModal
          value={editing === "new" ? null : editing}
          defaultScope={scope}
          categories={categories}
          regionName={regionName}
          onClose={() => setEditing(null)}
        />
      )}
    </Space>
  );
}
