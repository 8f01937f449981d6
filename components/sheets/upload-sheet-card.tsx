"use client";

import { DownloadOutlined, KeyOutlined } from "@ant-design/icons";
import { App, Button, Card, Checkbox, DatePicker, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { currentPeriod, monthLabel } from "@/app/_domain/periods";
import { FileDropArea } from "@/components/ui/file-upload";
import { postSheet, type UploadOutcome } from "./post-sheet";
import { UploadHint, UploadResult } from "./upload-result";

/**
 * 本月填报 for a DATA_ENTRY: the month's template, then an upload area. The file is checked at once; errors
 * store nothing, warnings wait for explanations (the same file is sent again with them), a clean file becomes
 * the month's next version. 试校验 only checks.
 */
export function UploadSheetCard({ defaultPeriod }: { defaultPeriod: string }) {
  const router = useRouter();
  const { message } = App.useApp();
  const [month, setMonth] = useState<Dayjs>(dayjs(`${defaultPeriod}-01`));
  const [dryRun, setDryRun] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  // null when idle, else the fraction of the file sent (1: the server is checking it).
  const [progress, setProgress] = useState<number | null>(null);
  const pending = progress !== null;
  const [outcome, setOutcome] = useState<UploadOutcome | null>(null);
  // Explanations already written, by warning key: a corrected or repeated file need not be explained twice.
  const [explained, setExplained] = useState<Record<string, string>>({});
  const period = month.format("YYYY-MM");
  const thisMonth = currentPeriod();

  async function send(f: File, options: { dryRun?: boolean; explanations?: Record<string, string> }) {
    setProgress(0);
    try {
      const o = await postSheet(f, options, setProgress);
      setOutcome(o);
      if (o.kind === "stored") {
        message.success(`已保存为 ${monthLabel(o.period)} 第 ${o.version} 版`);
        router.refresh();
      }
    } finally {
      setProgress(null);
    }
  }

  return (
    <Card
      title="本月填报"
      style={{ marginBottom: 16 }}
      extra={
        <Link href="/sheets/tokens">
          <KeyOutlined /> API 令牌
        </Link>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Space wrap>
          <span>填报月份</span>
          <DatePicker
            picker="month"
            allowClear={false}
            value={month}
            format="YYYY年M月"
            onChange={(d) => d && setMonth(d)}
            disabledDate={(d) => d.format("YYYY-MM") > thisMonth}
            aria-label="填报月份"
          />
          <Button icon={<DownloadOutlined />} href={`/api/sheets/template?period=${period}`} download>
            下载模板
          </Button>
          <Typography.Text type="secondary">
            {monthLabel(period)}的 Excel 模板：本统筹区的指标与定点医疗机构已列好，填入数值即可。
          </Typography.Text>
        </Space>
        <FileDropArea
          accept=".xlsx,.csv"
          text="点击或把填好的文件拖到这里上传"
          hint="支持 Excel 模板（.xlsx）与 CSV 长表（.csv），不超过 20 MB；月份以文件中的为准"
          checkingText="正在逐格校验…"
          progress={progress}
          onFile={(f) => {
            setFile(f);
            setOutcome(null);
            void send(f, { dryRun });
          }}
        />
        <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
          <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)}>
            试校验：只检查，不保存
          </Checkbox>
          <UploadHint />
        </Space>
        {outcome && file && (
          <UploadResult
            outcome={outcome}
            pending={pending}
            explained={explained}
            onExplain={(explanations) => {
              setExplained((e) => ({ ...e, ...explanations }));
              void send(file, { explanations });
            }}
            onSave={() => void send(file, {})}
          />
        )}
      </Space>
    </Card>
  );
}
