"use client";

import { Alert, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { formatMetric, MISSING } from "@/app/_domain/metrics/display";
import type { getInstitutionComparison, InstitutionComparisonRow } from "@/app/_server/metrics/get-institution-comparison";
import { ClickPopover, LineageDetails } from "./lineage-card";
import { useMetricsUrl } from "./use-metrics-url";

type Data = Awaited<ReturnType<typeof getInstitutionComparison>>;
type Stats = NonNullable<Data["regionStats"]>;

const KIND_LABELS: Record<string, string> = { PEER_HIGH: "高于同业", PEER_LOW: "低于同业", YOY_UP: "同比大增", YOY_DOWN: "同比大降" };

function position(p: InstitutionComparisonRow["inRegion"]) {
  if (p.rank === null) return <span className="metric-missing">{MISSING}</span>;
  return (
    <span className="num">
      {p.rank}/{p.count}
      <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
        P{p.percentile!.toFixed(1)}
      </Typography.Text>
    </span>
  );
}

/**
 * 医疗机构比较: one institution indicator of the month — every institution's value, rank and percentile in the
 * region and in its hospital level, the groups' quartiles, and the anomaly flags with their reasons (rows with a
 * flag highlighted); below, every flag of the month.
 */
export function InstitutionsPanel({ data }: { data: Data }) {
  const { go, pending } = useMetricsUrl();
  if (!data.indicator || !data.regionStats) return <Alert type="info" showIcon title="本月没有医疗机构层级的指标值。" />;
  const unit = data.indicator.unit;
  const flagged = data.rows.filter((r) => r.flags.length).length;
  const columns: ColumnsType<InstitutionComparisonRow> = [
    { title: "机构编码", dataIndex: "code", width: 130, render: (c: string) => <span className="num">{c}</span> },
    { title: "机构名称", dataIndex: "name", ellipsis: true },
    { title: "等级", dataIndex: "levelLabel", width: 70, align: "center" },
    {
      title: `${data.indicator.nameZh}（${unit}）`,
      dataIndex: "value",
      width: 150,
      align: "right",
      sorter: (a, b) => Number(a.value ?? -Infinity) - Number(b.value ?? -Infinity),
      render: (v: string | null, r) => (
        <ClickPopover
          content={() => (
            <div style={{ width: 640, maxWidth: "80vw" }} data-testid="lineage-card">
              <Typography.Text strong style={{ fontSize: 15 }}>
                {r.name} · {data.indicator!.nameZh}
              </Typography.Text>
              <div style={{ margin: "6px 0 10px" }}>
                <Typography.Text type="secondary">
                  {data.label} · {data.view === "month" ? "当月" : "本年累计"}：
                </Typography.Text>
                <Typography.Text strong className="num" style={{ fontSize: 18 }}>
                  {formatMetric(v, unit)}
                  {v === null ? "" : ` ${unit}`}
                </Typography.Text>
              </div>
              <LineageDetails
                regionCode={data.region.code}
                period={data.period!}
                indicator={data.indicator!.code}
                scheme={data.indicator!.scheme}
                institution={r.code}
                canOpenSheets={data.canOpenSheets}
              />
            </div>
          )}
        >
          <span className={v === null ? "metric-cell metric-missing" : "metric-cell num"}>{formatMetric(v, unit)}</span>
        </ClickPopover>
      ),
    },
    {
      title: <Tooltip title="名次/参与比较机构数；P 为百分位（100 = 最高）">全区排名</Tooltip>,
      key: "region",
      width: 130,
      align: "right",
      sorter: (a, b) => (a.inRegion.rank ?? 1e9) - (b.inRegion.rank ?? 1e9),
      defaultSortOrder: "ascend",
      render: (_, r) => position(r.inRegion),
    },
    { title: "同级排名", key: "level", width: 130, align: "right", render: (_, r) => position(r.inLevel) },
    {
      title: "异常提示",
      key: "flags",
      width: 340,
      render: (_, r) =>
        r.flags.length === 0 ? null : (
          <Space orientation="vertical" size={2}>
            {r.flags.map((f, i) => (
              <span key={i}>
                <Tag color={f.kind.startsWith("PEER") ? "volcano" : "gold"}>{KIND_LABELS[f.kind] ?? f.kind}</Tag>
                <span style={{ fontSize: 12 }}>{f.reason}</span>
              </span>
            ))}
          </Space>
        ),
    },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          data-testid="institution-indicator"
          aria-label="指标"
          showSearch={{ optionFilterProp: "label" }}
          style={{ width: 320 }}
          value={data.indicator.code}
          options={data.indicators.map((i) => ({ value: i.code, label: `${i.code} ${i.nameZh}（${i.unit}）` }))}
          onChange={(v) => go({ indicator: v })}
          loading={pending}
        />
        <Segmented
          value={data.view}
          onChange={(v) => go({ view: v === "month" ? "month" : null })}
          options={[
            { value: "ytd", label: "本年累计" },
            { value: "month", label: "当月" },
          ]}
        />
        <Typography.Text type="secondary">{data.label}</Typography.Text>
      </Space>
      <Table
        size="small"
        bordered
        pagination={false}
        style={{ marginBottom: 12, maxWidth: 980 }}
        rowKey="key"
        data-testid="peer-quartiles"
        dataSource={[
          { key: "region", group: "全区", stats: data.regionStats },
          ...data.levels.map((l) => ({ key: l.level, group: `${l.label}医院`, stats: l.stats })),
        ]}
        columns={[
          { title: "比较组", dataIndex: "group", width: 110 },
          { title: "机构数", key: "n", width: 80, align: "right", render: (_, r) => <span className="num">{r.stats.count}</span> },
          ...(["min", "q1", "median", "q3", "max"] as const).map((k) => ({
            title: { min: "最小值", q1: "下四分位", median: "中位数", q3: "上四分位", max: "最大值" }[k],
            key: k,
            align: "right" as const,
            render: (_: unknown, r: { stats: Stats }) => <span className="num">{formatMetric(r.stats[k], unit)}</span>,
          })),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        异常提示规则：与同级机构（同级不足 4 家时与全区）比较，超出“上四分位 + 1.5 倍四分位距”或低于“下四分位 − 1.5
        倍四分位距”；或累计同比变动超过 ±30%。 本指标有 {flagged} 家机构被提示。
      </Typography.Paragraph>
      <Table<InstitutionComparisonRow>
        rowKey="code"
        size="small"
        bordered
        dataSource={data.rows}
        columns={columns}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        rowClassName={(r) => (r.flags.length ? "metric-flagged" : "")}
        scroll={{ x: 1100 }}
        data-testid="institution-comparison"
      />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        本月全部异常提示（{data.allFlags.length} 条）
      </Typography.Title>
      <Table
        rowKey={(r) => `${r.indicator}|${r.institution}|${r.kind}`}
        size="small"
        dataSource={data.allFlags}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: "指标", key: "i", width: 200, render: (_, r) => `${r.indicator} ${r.nameZh}` },
          {
            title: "机构",
            key: "n",
            width: 240,
            render: (_, r) => (r.institutionName ? `${r.institutionName}（${r.levelLabel}）` : "统筹区"),
          },
          {
            title: "类型",
            key: "k",
            width: 100,
            render: (_, r) => <Tag color={r.kind.startsWith("PEER") ? "volcano" : "gold"}>{KIND_LABELS[r.kind] ?? r.kind}</Tag>,
          },
          { title: "原因", dataIndex: "reason" },
        ]}
      />
    </>
  );
}
