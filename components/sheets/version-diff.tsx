"use client";

import { Alert, Select, Space, Spin, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { SCHEME_LABELS } from "@/app/_domain/catalogue";
import { groupDigits, signedDelta, VERSION_STATUS } from "@/app/_domain/sheets/display";
import type { CellChange } from "@/app/_server/sheets/diff-sheet-versions";
import type { SheetVersionDto } from "@/app/_server/sheets/get-sheet-version";
import { useJson } from "@/components/ui/use-json";

const KIND = {
  CHANGED: { label: "修改", color: "blue" },
  ADDED: { label: "新增", color: "green" },
  REMOVED: { label: "删除", color: "red" },
} as const;
type Diff = { from: number; to: number; changes: CellChange[] };

/** The accepted version if this one is not it, otherwise the version just before (or after) this one. */
function defaultOther(v: SheetVersionDto): string | undefined {
  const others = v.otherVersions.filter((o) => o.id !== v.id);
  const accepted = others.find((o) => o.status === "ACCEPTED");
  return (accepted ?? others.find((o) => o.version < v.version) ?? others.at(-1))?.id;
}

/** 版本比较: every cell that differs between this version and another of the same month, older → newer. */
export function VersionDiff({ v }: { v: SheetVersionDto }) {
  const [other, setOther] = useState<string | undefined>(() => defaultOther(v));
  const names = new Map(v.indicators.map((i) => [i.code, i.nameZh]));
  const institutions = new Map(v.institutions.map((i) => [i.code, i.name]));
  // Always older → newer, whichever of the two is this page's version.
  const theirs = v.otherVersions.find((o) => o.id === other);
  const [from, to] = !theirs ? [] : theirs.version < v.version ? [theirs.id, v.id] : [v.id, theirs.id];
  const state = useJson<Diff>(from && to ? `/api/sheets/versions/${to}/diff?from=${from}` : null);
  const pending = Boolean(from) && state === null;
  const diff = state?.ok ? state.data : null;
  const error = state && !state.ok ? state.message : null;

  if (v.otherVersions.length < 2) return <Alert type="info" showIcon title="本月只有这一个版本，暂无可比较的版本。" />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap>
        <span>与</span>
        <Select
          aria-label="比较的版本"
          style={{ width: 200 }}
          value={other}
          onChange={setOther}
          options={v.otherVersions
            .filter((o) => o.id !== v.id)
            .map((o) => ({ value: o.id, label: `第 ${o.version} 版（${VERSION_STATUS[o.status].label}）` }))}
        />
        <span>比较</span>
        {diff && (
          <Typography.Text type="secondary">
            第 {diff.from} 版 → 第 {diff.to} 版：{diff.changes.length ? `${diff.changes.length} 个单元格不同` : "数值完全相同"}
          </Typography.Text>
        )}
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      <Spin spinning={pending}>
        <Table<CellChange>
          size="small"
          data-testid="version-diff"
          rowKey={(c) => `${c.indicatorCode}|${c.scheme}|${c.institutionCode ?? ""}`}
          dataSource={diff?.changes ?? []}
          locale={{ emptyText: diff ? "两个版本的数值完全相同" : pending ? "正在比较…" : "请选择要比较的版本" }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false, showTotal: (t) => `共 ${t} 处` }}
          columns={[
            {
              title: "指标",
              dataIndex: "indicatorCode",
              render: (c: string) => (
                <span>
                  <span className="num">{c}</span> {names.get(c) ?? ""}
                </span>
              ),
            },
            { title: "险种", dataIndex: "scheme", width: 64, render: (s: CellChange["scheme"]) => SCHEME_LABELS[s] },
            {
              title: "机构",
              dataIndex: "institutionCode",
              width: 200,
              render: (c: string | null) => (c ? (institutions.get(c) ?? c) : "—"),
            },
            {
              title: `原值${diff ? `（第 ${diff.from} 版）` : ""}`,
              dataIndex: "before",
              width: 150,
              align: "right",
              render: (x: string | null) => <span className="num">{groupDigits(x)}</span>,
            },
            {
              title: `新值${diff ? `（第 ${diff.to} 版）` : ""}`,
              dataIndex: "after",
              width: 150,
              align: "right",
              render: (x: string | null) => <span className="num">{groupDigits(x)}</span>,
            },
            {
              title: "变化",
              key: "kind",
              width: 170,
              render: (_, c) => (
                <Space size={4}>
                  <Tag color={KIND[c.kind].color}>{KIND[c.kind].label}</Tag>
                  {c.kind === "CHANGED" && <span className="num">{signedDelta(c.before, c.after)}</span>}
                </Space>
              ),
            },
          ]}
        />
      </Spin>
    </Space>
  );
}
