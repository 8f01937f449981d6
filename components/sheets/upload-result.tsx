"use client";

import { DownloadOutlined } from "@ant-design/icons";
import { Alert, Button, Space, Typography } from "antd";
import Link from "next/link";
import { monthLabel } from "@/app/_domain/periods";
import { reportCsvText } from "@/app/_domain/sheets/report-csv";
import type { SheetReport } from "@/app/_domain/sheets/types";
import { IssuesTable } from "./issues-table";
import { saveTextFile, type UploadOutcome } from "./post-sheet";
import { WarningsForm } from "./warnings-form";

const month = (p: string | null) => (p ? monthLabel(p) : "");

/** The panel under the upload area: what happened to the last file, and what to do next. */
export function UploadResult({
  outcome,
  explained,
  pending,
  onExplain,
  onSave,
}: {
  outcome: UploadOutcome;
  /** Explanations written earlier in this session, by warning key. */
  explained: Record<string, string>;
  pending: boolean;
  /** Re-posts the same file with the explanations. */
  onExplain: (explanations: Record<string, string>) => void;
  /** After a clean 试校验: posts the same file for real. */
  onSave: () => void;
}) {
  const o = outcome;
  switch (o.kind) {
    case "failed":
      return <Alert type="error" showIcon title={`“${o.fileName}”未能上传`} description={o.message} />;
    case "errors":
      return (
        <Space orientation="vertical" size="small" style={{ width: "100%" }} data-testid="upload-errors">
          <Alert
            type="error"
            showIcon
            title={`文件有 ${o.report.errors.length} 处错误，整份未保存。请修改后重新上传。`}
            description={
              <>
                文件“{o.fileName}”{o.period ? `（${month(o.period)}）` : ""}
                {o.report.warnings.length > 0 && `；另有 ${o.report.warnings.length} 条提醒，改正错误后需逐条说明`}。
              </>
            }
            action={<ReportButton report={o.report} name={o.fileName} />}
          />
          <IssuesTable issues={o.report.errors} />
        </Space>
      );
    case "warnings":
      return (
        <Space orientation="vertical" size="small" style={{ width: "100%" }} data-testid="upload-warnings">
          <Alert
            type="warning"
            showIcon
            title={`没有错误，但有 ${o.report.warnings.length} 条提醒需要说明，说明后才能保存。`}
            description={`文件“${o.fileName}”（${month(o.period)}）。请逐条写明原因（例如“系统切换，本月数据延迟上报”），说明会随版本保存，供审核员查看。`}
            action={<ReportButton report={o.report} name={o.fileName} />}
          />
          <WarningsForm warnings={o.report.warnings} initial={explained} pending={pending} onSubmit={onExplain} />
        </Space>
      );
    case "dryRun":
      return (
        <Space orientation="vertical" size="small" style={{ width: "100%" }} data-testid="upload-dry-run">
          <Alert
            type="success"
            showIcon
            title={`试校验通过：${month(o.period)}的文件没有错误${o.report.warnings.length ? `，有 ${o.report.warnings.length} 条提醒需要说明` : ""}。尚未保存。`}
            description={`文件“${o.fileName}”，共 ${o.report.counts.values.toLocaleString("en-US")} 个数值，${o.report.counts.missing.toLocaleString("en-US")} 个空单元格。`}
          />
          {o.report.warnings.length ? (
            <WarningsForm warnings={o.report.warnings} initial={explained} pending={pending} onSubmit={onExplain} />
          ) : (
            <Button type="primary" loading={pending} onClick={onSave}>
              保存为新版本
            </Button>
          )}
        </Space>
      );
    case "unchanged":
      return (
        <Alert
          type="info"
          showIcon
          title={`与第 ${o.version} 版完全相同，未生成新版本`}
          description={
            <>
              文件“{o.fileName}”与{month(o.period)}已有的 <Link href={`/sheets/${o.versionId}`}>第 {o.version} 版</Link> 逐字节相同。
            </>
          }
        />
      );
    case "stored":
      return (
        <Alert
          type="success"
          showIcon
          data-testid="upload-stored"
          title={`已保存为 ${month(o.period)} 第 ${o.version} 版，等待审核`}
          description={
            <>
              文件“{o.fileName}”，共 {o.report.counts.values.toLocaleString("en-US")} 个数值
              {o.report.warnings.length
                ? `，${o.report.warnings.length} 条提醒已附说明`
                : ""}。审核员通过后，该版本的数据才会用于发布。 <Link href={`/sheets/${o.versionId}`}>查看第 {o.version} 版</Link>
            </>
          }
        />
      );
  }
}

function ReportButton({ report, name }: { report: SheetReport; name: string }) {
  const base = name.replace(/\.[^.]+$/, "");
  return (
    <Button size="small" icon={<DownloadOutlined />} onClick={() => saveTextFile(reportCsvText(report), `校验报告-${base}.csv`)}>
      下载校验报告
    </Button>
  );
}

export const UploadHint = () => (
  <Typography.Text type="secondary">
    Excel 模板请勿增删行列；CSV 长表的表头为 <code>region_code,period,indicator_code,scheme,institution_code,value</code>（UTF-8 或 GBK）。
  </Typography.Text>
);
