"use client";

import { Alert, Button, Input, Space, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import type { SheetIssue } from "@/app/_domain/sheets/types";
import { MIN_EXPLANATION_LENGTH, warningKey } from "@/app/_domain/sheets/warning-key";

const PAGE_SIZE = 10;

/**
 * One explanation per warning (why the figure is right), as the upload requires before it stores the sheet.
 * A text can be applied to every warning still empty: a month with 30 missing optional figures has one reason.
 */
export function WarningsForm({
  warnings,
  initial,
  pending,
  onSubmit,
}: {
  warnings: SheetIssue[];
  /** Explanations already written in this session for the same warnings (a re-upload keeps them). */
  initial: Record<string, string>;
  pending: boolean;
  onSubmit: (explanations: Record<string, string>) => void;
}) {
  const rows = useMemo(() => warnings.map((w) => ({ ...w, key: warningKey(w) })), [warnings]);
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(rows.filter((r) => initial[r.key]).map((r) => [r.key, initial[r.key]])),
  );
  const [common, setCommon] = useState("");
  const [page, setPage] = useState(1);
  const [tried, setTried] = useState(false);
  const short = (key: string) => (texts[key] ?? "").trim().length < MIN_EXPLANATION_LENGTH;
  const missing = rows.filter((r) => short(r.key)).length;

  function applyCommon() {
    if (common.trim().length < MIN_EXPLANATION_LENGTH) return;
    setTexts((t) => Object.fromEntries(rows.map((r) => [r.key, short(r.key) ? common.trim() : t[r.key]])));
  }
  function submit() {
    setTried(true);
    const first = rows.findIndex((r) => short(r.key));
    if (first >= 0) {
      setPage(Math.floor(first / PAGE_SIZE) + 1);
      return;
    }
    onSubmit(Object.fromEntries(rows.map((r) => [r.key, texts[r.key].trim()])));
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space.Compact style={{ width: "100%" }}>
        <Input
          placeholder="同一原因可在此填写一次，再点右侧按钮填入所有尚未填写的提醒"
          value={common}
          onChange={(e) => setCommon(e.target.value)}
          maxLength={500}
          aria-label="统一说明"
        />
        <Button onClick={applyCommon} disabled={common.trim().length < MIN_EXPLANATION_LENGTH}>
          填入未填写的提醒
        </Button>
      </Space.Compact>
      <Table
        size="small"
        dataSource={rows}
        pagination={{
          pageSize: PAGE_SIZE,
          current: page,
          onChange: setPage,
          hideOnSinglePage: true,
          showSizeChanger: false,
          showTotal: (t) => `共 ${t} 条提醒`,
        }}
        columns={[
          { title: "位置", dataIndex: "location", width: 120, render: (v: string) => <span className="num">{v}</span> },
          { title: "提醒", dataIndex: "message", render: (v: string) => <Typography.Text>{v}</Typography.Text> },
          {
            title: "说明（必填）",
            key: "explanation",
            width: "38%",
            render: (_, r) => (
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={500}
                placeholder={`说明原因，至少 ${MIN_EXPLANATION_LENGTH} 个字`}
                value={texts[r.key] ?? ""}
                status={tried && short(r.key) ? "error" : undefined}
                onChange={(e) => setTexts((t) => ({ ...t, [r.key]: e.target.value }))}
                aria-label={`说明：${r.location}`}
              />
            ),
          },
        ]}
      />
      {tried && missing > 0 && (
        <Alert type="error" showIcon title={`还有 ${missing} 条提醒没有填写说明（每条至少 ${MIN_EXPLANATION_LENGTH} 个字）。`} />
      )}
      <Button type="primary" loading={pending} onClick={submit}>
        提交说明并保存
      </Button>
    </Space>
  );
}
