"use client";

import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Input, Select, Space, Typography } from "antd";
import {
  OWN_PANEL_KINDS,
  PANEL_KINDS,
  PANEL_LABELS,
  type IndicatorRef,
  type Layout,
  type PanelKind,
  type PanelSpec,
  type SectionSpec,
} from "@/app/_domain/publications/types";

type Indicator = { code: string; nameZh: string; unit: string; scope: "REGION" | "INSTITUTION" };

/** Panels with their indicators chosen from a list; the others take fixed, well-known inputs (set when added). */
const WITH_INDICATORS = new Set<PanelKind>(["KPI_CARDS", "TREND", "INDICATOR_TABLE", "OWN_INDICATORS", "PEER_DISTRIBUTION"]);
const r = (code: string): IndicatorRef => ({ code });
const NEW_PANEL: Partial<Record<PanelKind, Partial<PanelSpec>>> = {
  INCOME_EXPENDITURE: {
    pairs: [
      { label: "职工", income: r("FI03"), expenditure: r("FE01") },
      { label: "居民", income: r("FI04"), expenditure: r("FE02") },
    ],
  },
  BALANCE_CAPACITY: { balances: [r("FB03"), r("FB04")], capacities: [r("FB05"), r("FB06")] },
  BUDGET_EXECUTION: { indicators: [r("FE03"), r("BG01")] },
  PEER_QUADRANT: { x: r("IN12"), y: r("IN13"), size: r("IN11") },
  NARRATIVE: { source: "narrative" },
};

const move = <T,>(list: T[], k: number, d: number) => {
  const out = [...list];
  const [x] = out.splice(k, 1);
  out.splice(k + d, 0, x!);
  return out;
};
const freshId = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

/** 版式: sections (region part or 本院) of panels chosen from the fixed set; order, titles, notes, indicators. */
export function LayoutEditor({
  value,
  onChange,
  indicators,
  disabled,
}: {
  value: Layout;
  onChange: (l: Layout) => void;
  indicators: Indicator[];
  disabled?: boolean;
}) {
  const setSection = (k: number, s: SectionSpec) => onChange({ sections: value.sections.map((x, i) => (i === k ? s : x)) });
  return (
    <Space direction="vertical" style={{ width: "100%" }} data-testid="layout-editor">
      {value.sections.map((sec, k) => (
        <Card
          key={sec.id}
          size="small"
          title={
            <Space wrap>
              <Input
                value={sec.title}
                disabled={disabled}
                onChange={(e) => setSection(k, { ...sec, title: e.target.value })}
                style={{ width: 220 }}
                aria-label="栏目标题"
              />
              <Select
                aria-label="栏目范围"
                value={sec.scope}
                disabled={disabled}
                style={{ width: 150 }}
                onChange={(scope) =>
                  setSection(k, { ...sec, scope, panels: sec.panels.filter((p) => OWN_PANEL_KINDS.includes(p.kind) === (scope === "OWN")) })
                }
                options={[
                  { value: "REGION", label: "统筹区部分" },
                  { value: "OWN", label: "本院部分" },
                ]}
              />
            </Space>
          }
          extra={
            <Space size={2}>
              <Button
                size="small"
                type="text"
                icon={<ArrowUpOutlined />}
                disabled={disabled || k === 0}
                onClick={() => onChange({ sections: move(value.sections, k, -1) })}
                aria-label="上移栏目"
              />
              <Button
                size="small"
                type="text"
                icon={<ArrowDownOutlined />}
                disabled={disabled || k === value.sections.length - 1}
                onClick={() => onChange({ sections: move(value.sections, k, 1) })}
                aria-label="下移栏目"
              />
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                disabled={disabled || value.sections.length === 1}
                onClick={() => onChange({ sections: value.sections.filter((_, i) => i !== k) })}
                aria-label="删除栏目"
              />
            </Space>
          }
        >
          <Space direction="vertical" style={{ width: "100%" }}>
            {sec.panels.map((p, j) => (
              <PanelRow
                key={p.id}
                panel={p}
                indicators={indicators.filter((i) => (OWN_PANEL_KINDS.includes(p.kind) ? i.scope === "INSTITUTION" : i.scope === "REGION"))}
                disabled={disabled}
                onChange={(np) => setSection(k, { ...sec, panels: sec.panels.map((x, i) => (i === j ? np : x)) })}
                onMove={(d) => setSection(k, { ...sec, panels: move(sec.panels, j, d) })}
                onRemove={() => setSection(k, { ...sec, panels: sec.panels.filter((_, i) => i !== j) })}
                first={j === 0}
                last={j === sec.panels.length - 1}
              />
            ))}
            <Select<PanelKind>
              aria-label="添加面板"
              placeholder="添加面板…"
              value={null as unknown as PanelKind}
              disabled={disabled}
              style={{ width: 260 }}
              onChange={(kind) =>
                setSection(k, {
                  ...sec,
                  panels: [...sec.panels, { id: freshId("p"), kind, title: PANEL_LABELS[kind], ...NEW_PANEL[kind] }],
                })
              }
              options={PANEL_KINDS.filter((kind) => OWN_PANEL_KINDS.includes(kind) === (sec.scope === "OWN")).map((kind) => ({
                value: kind,
                label: PANEL_LABELS[kind],
              }))}
            />
          </Space>
        </Card>
      ))}
      <Button
        icon={<PlusOutlined />}
        disabled={disabled || value.sections.length >= 12}
        onClick={() => onChange({ sections: [...value.sections, { id: freshId("s"), title: "新栏目", scope: "REGION", panels: [] }] })}
      >
        添加栏目
      </Button>
    </Space>
  );
}

function PanelRow(props: {
  panel: PanelSpec;
  indicators: Indicator[];
  disabled?: boolean;
  onChange: (p: PanelSpec) => void;
  onMove: (d: number) => void;
  onRemove: () => void;
  first: boolean;
  last: boolean;
}) {
  const { panel: p, indicators, disabled, onChange } = props;
  const options = indicators.map((i) => ({ value: i.code, label: `${i.code} ${i.nameZh}（${i.unit}）` }));
  return (
    <div style={{ border: "1px solid #eef0f4", borderRadius: 6, padding: 8, display: "flex", flexDirection: "column", gap: 6 }}>
      <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
        <Space wrap>
          <Typography.Text type="secondary" style={{ minWidth: 90, display: "inline-block" }}>
            {PANEL_LABELS[p.kind]}
          </Typography.Text>
          <Input
            value={p.title}
            disabled={disabled}
            placeholder="标题（写明对象与单位）"
            onChange={(e) => onChange({ ...p, title: e.target.value })}
            style={{ width: 300 }}
            aria-label="面板标题"
          />
        </Space>
        <Space size={2}>
          <Button
            size="small"
            type="text"
            icon={<ArrowUpOutlined />}
            disabled={disabled || props.first}
            onClick={() => props.onMove(-1)}
            aria-label="上移面板"
          />
          <Button
            size="small"
            type="text"
            icon={<ArrowDownOutlined />}
            disabled={disabled || props.last}
            onClick={() => props.onMove(1)}
            aria-label="下移面板"
          />
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            disabled={disabled}
            onClick={props.onRemove}
            aria-label="删除面板"
          />
        </Space>
      </Space>
      {WITH_INDICATORS.has(p.kind) && (
        <Select
          mode="multiple"
          disabled={disabled}
          value={(p.indicators ?? []).map((i) => i.code)}
          options={options}
          placeholder="选择指标"
          maxTagCount="responsive"
          onChange={(codes: string[]) =>
            onChange({ ...p, indicators: codes.map((code) => p.indicators?.find((i) => i.code === code) ?? { code }) })
          }
          aria-label="指标"
        />
      )}
      {p.kind === "NARRATIVE" && p.source !== "narrative" && (
        <Input.TextArea
          aria-label="文字内容"
          rows={3}
          disabled={disabled}
          value={p.text}
          onChange={(e) => onChange({ ...p, text: e.target.value })}
          placeholder="文字内容"
        />
      )}
      {p.kind !== "NARRATIVE" && p.kind !== "NOTES" && (
        <Input
          disabled={disabled}
          value={p.note}
          maxLength={200}
          onChange={(e) => onChange({ ...p, note: e.target.value || undefined })}
          placeholder="图注（可选），如：居民医保收入主要在第四季度到账"
          aria-label="图注"
        />
      )}
    </div>
  );
}
