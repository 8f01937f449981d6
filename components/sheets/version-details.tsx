"use client";

import { Card, Descriptions, Space, Tag, Typography } from "antd";
import Link from "next/link";
import { monthLabel } from "@/app/_domain/periods";
import { beijingTime, shortHash, SOURCE_LABELS, VERSION_STATUS } from "@/app/_domain/sheets/display";
import type { SheetVersionDto } from "@/app/_server/sheets/get-sheet-version";

/** Who sent what, when, and what became of it: the facts of one version, with its file and report. */
export function VersionDetails({ v }: { v: SheetVersionDto }) {
  const status = VERSION_STATUS[v.status];
  const filled = v.values.filter((x) => x.value !== null).length;
  const base = `/api/sheets/versions/${v.id}`;
  return (
    <Card style={{ marginBottom: 16 }}>
      <Descriptions column={3} size="small" data-testid="version-details">
        <Descriptions.Item label="月份">{monthLabel(v.period)}</Descriptions.Item>
        <Descriptions.Item label="版本">
          <Space size={8}>
            第 {v.version} 版<Tag color={status.color}>{status.label}</Tag>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="来源">{SOURCE_LABELS[v.source]}</Descriptions.Item>
        <Descriptions.Item label="文件名">
          <a href={`${base}/original`} download title="下载原始文件">
            {v.fileName}
          </a>
        </Descriptions.Item>
        <Descriptions.Item label="SHA-256">
          <Typography.Text
            code
            copyable={{ text: v.fileSha256, tooltips: ["复制完整哈希", "已复制"] }}
            title={v.fileSha256}
            style={{ fontFamily: "ui-monospace, Menlo, Consolas, monospace" }}
          >
            {shortHash(v.fileSha256)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="数值">
          <span className="num">
            {filled.toLocaleString("en-US")} 个
            {v.values.length > filled ? `，空 ${(v.values.length - filled).toLocaleString("en-US")} 个` : ""}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label="上传">
          <span className="num">{`${v.uploadedBy} · ${beijingTime(v.uploadedAt)}`}</span>
        </Descriptions.Item>
        <Descriptions.Item label="审核">{v.reviewedBy ? `${v.reviewedBy} · ${beijingTime(v.reviewedAt)}` : "—"}</Descriptions.Item>
        <Descriptions.Item label="审核意见">{v.reviewComment ?? "—"}</Descriptions.Item>
        <Descriptions.Item label="校验报告">
          <a href={`${base}/report`} download>
            下载（{v.report.warnings.length} 条提醒）
          </a>
        </Descriptions.Item>
        <Descriptions.Item label="本月各版本" span={2}>
          <Space size={4} wrap>
            {v.otherVersions.map((o) =>
              o.id === v.id ? (
                <Tag key={o.id} color="blue">
                  第 {o.version} 版 · {VERSION_STATUS[o.status].label}
                </Tag>
              ) : (
                <Link key={o.id} href={`/sheets/${o.id}`}>
                  <Tag style={{ cursor: "pointer" }}>
                    第 {o.version} 版 · {VERSION_STATUS[o.status].label}
                  </Tag>
                </Link>
              ),
            )}
          </Space>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
