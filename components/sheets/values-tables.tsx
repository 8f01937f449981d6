"use client";

import { Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { SCHEMES, SCHEME_LABELS, type Scheme } from "@/app/_domain/catalogue";
import { LEVEL_LABELS, type InstitutionLevel } from "@/app/_domain/institutions";
import { groupDigits } from "@/app/_domain/sheets/display";
import type { SheetVersionDto } from "@/app/_server/sheets/get-sheet-version";

type Indicator = SheetVersionDto["indicators"][number];
type Values = Map<string, string | null>;
const key = (code: string, scheme: Scheme, inst: string | null) => `${code}|${scheme}|${inst ?? ""}`;
const NOT_APPLICABLE = { style: { background: "#f5f6f8" } };

/** A stored value as stored: grouped digits, never rounded; missing "—"; a cell the indicator lacks stays blank. */
function Value({ values, k, applicable }: { values: Values; k: string; applicable: boolean }) {
  if (!applicable) return null;
  const v = values.get(k);
  if (v === undefined || v === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return <span className="num">{groupDigits(v)}</span>;
}

export const valueMap = (v: SheetVersionDto): Values =>
  new Map(v.values.map((x) => [key(x.indicatorCode, x.scheme, x.institutionCode), x.value]));

/** 区域表: region-level inputs by category × 职工 / 居民 / 合计. */
export function RegionValuesTable({ v, values }: { v: SheetVersionDto; values: Values }) {
  const rows = v.indicators.filter((i) => i.scope === "REGION");
  // The category cell spans its run of rows.
  const spans = rows.map((r, i) => {
    if (i > 0 && rows[i - 1].category === r.category) return 0;
    let n = 1;
    while (rows[i + n]?.category === r.category) n++;
    return n;
  });
  const columns: ColumnsType<Indicator> = [
    {
      title: "类别",
      dataIndex: "category",
      width: 130,
      onCell: (_, i = 0) => ({ rowSpan: spans[i] }),
    },
    { title: "编码", dataIndex: "code", width: 80, render: (c: string) => <span className="num">{c}</span> },
    { title: "指标名称", dataIndex: "nameZh" },
    { title: "单位", dataIndex: "unit", width: 70 },
    ...SCHEMES.map((s) => ({
      title: SCHEME_LABELS[s],
      key: s,
      width: 170,
      align: "right" as const,
      onCell: (r: Indicator) => (r.schemes.includes(s) ? {} : NOT_APPLICABLE),
      render: (_: unknown, r: Indicator) => <Value values={values} k={key(r.code, s, null)} applicable={r.schemes.includes(s)} />,
    })),
  ];
  return (
    <Table<Indicator>
      rowKey="code"
      size="small"
      bordered
      pagination={false}
      dataSource={rows}
      columns={columns}
      sticky
      scroll={{ x: 900 }}
      data-testid="region-values"
    />
  );
}

type InstitutionRow = SheetVersionDto["institutions"][number];

/** 机构表: institutions × institution-level inputs (one column per scheme), scrolling sideways, names fixed. */
export function InstitutionValuesTable({ v, values }: { v: SheetVersionDto; values: Values }) {
  const indicators = v.indicators.filter((i) => i.scope === "INSTITUTION");
  const reported = new Set(v.values.map((x) => x.institutionCode).filter(Boolean));
  const rows = v.institutions.filter((i) => i.active || reported.has(i.code));
  const columns: ColumnsType<InstitutionRow> = [
    { title: "机构编码", dataIndex: "code", width: 130, fixed: "left", render: (c: string) => <span className="num">{c}</span> },
    {
      title: "机构名称",
      dataIndex: "name",
      width: 200,
      fixed: "left",
      render: (n: string, r) => (
        <span>
          {n}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {" "}
            {LEVEL_LABELS[r.level as InstitutionLevel] ?? ""}
          </Typography.Text>
        </span>
      ),
    },
    ...indicators.map((ind) => {
      // Name on the first line; unit and code, smaller, on the second (a unit in brackets wraps badly).
      const title = (
        <span>
          {ind.nameZh}
          <div className="num" style={{ fontSize: 12, fontWeight: "normal", color: "#5b6474" }}>
            {[ind.unit, ind.code].filter(Boolean).join(" · ")}
          </div>
        </span>
      );
      const cell = (s: Scheme) => ({
        key: `${ind.code}|${s}`,
        width: 130,
        align: "right" as const,
        render: (_: unknown, r: InstitutionRow) => <Value values={values} k={key(ind.code, s, r.code)} applicable />,
      });
      return ind.schemes.length === 1
        ? { title, ...cell(ind.schemes[0]) }
        : { title, key: ind.code, children: ind.schemes.map((s) => ({ title: SCHEME_LABELS[s], ...cell(s) })) };
    }),
  ];
  return (
    <Table<InstitutionRow>
      rowKey="code"
      size="small"
      bordered
      dataSource={rows}
      columns={columns}
      scroll={{ x: "max-content" }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false, showTotal: (t) => `共 ${t} 家机构` }}
      data-testid="institution-values"
    />
  );
}
