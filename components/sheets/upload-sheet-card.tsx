"use client";

import { DownloadOutlined, InboxOutlined, KeyOutlined } from "@ant-design/icons";
import { App, Button, Card, Checkbox, DatePicker, Space, Spin, Typography, Upload } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { currentPeriod, monthLabel } from "@/app/_domain/periods";
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
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<UploadOutcome | null>(null);
  // Explanations already written, by warning key: a corrected or repeated file need not be explained twice.
  const [explained, setExplained] = useState<Record<string, string>>({});
  const period = month.format("YYYY-MM");
  const thisMonth = currentPeriod();

  async function send(f: File, options: { dryRun?: boolean; explanations?: Record<string, string> }) {
    setPending(true);
    try {
      const o = await postSheet(f, options);
      setOutcome(o);
      if (o.kind === "stored") {
        message.success(`已保存为 ${monthLabel(o.period)} 第 ${o.version} 版`);
        router.refresh();
      }
    } finally {
      setPending(false);
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
          <Typography.Text type="secondary">{monthLabel(period)}的 Excel 模板：本统筹区的指标与定点医疗机构已列好，填入数值即可。</Typography.Text>
        </Space>
        <Spin spinning={pending} description="正在逐格校验…">
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            disabled={pending}
            beforeUpload={(f) => {
              setFile(f);
              setOutcome(null);
              void send(f, { dryRun });
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或把填好的文件拖到这里上传</p>
            <p className="ant-upload-hint">支持 Excel 模板（.xlsx）与 CSV 长表（.csv），不超过 20 MB；月份以文件中的为准</p>
          </Upload.Dragger>
        </Spin>
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
