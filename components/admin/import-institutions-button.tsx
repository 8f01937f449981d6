"use client";

import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Modal, Space, Typography } from "antd";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { RowIssue } from "@/app/_domain/institutions";
import type { ImportInstitutionsResult } from "@/app/_server/admin/import-institutions";
import { failedUploadMessage, FileDropArea, RowProblemsTable, useFormUpload } from "@/components/ui/file-upload";

const IMPORT_URL = "/api/admin/institutions/import";
const TEMPLATE_URL = "/api/admin/institutions/template";
const MAX_BYTES = 5 * 1024 * 1024;

type Outcome =
  | { kind: "done"; fileName: string; created: number; updated: number; unchanged: number }
  | { kind: "issues"; fileName: string; issues: RowIssue[]; total: number; truncated: boolean }
  | { kind: "error"; fileName: string; message: string };

/** 批量导入: upload an .xlsx/.csv, then either the counts or every issue with its row number. */
export function ImportInstitutionsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        批量导入
      </Button>
      {open && <ImportModal onClose={() => setOpen(false)} />}
    </>
  );
}

function ImportModal({ onClose }: { onClose: () => void }) {
  const router = useRouter();
  const { message } = App.useApp();
  const { progress, send } = useFormUpload();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function upload(file: File) {
    if (file.size > MAX_BYTES) {
      setOutcome({ kind: "error", fileName: file.name, message: "文件超过 5 MB 的上限，请拆分后分批导入。" });
      return;
    }
    setOutcome(null);
    const body = new FormData();
    body.append("file", file, file.name);
    const res = await send(IMPORT_URL, body).catch(() => null);
    if (!res) return setOutcome({ kind: "error", fileName: file.name, message: "网络错误，上传没有完成，请稍后重试。" });
    if (!res.ok || !res.json || res.redirected)
      return setOutcome({ kind: "error", fileName: file.name, message: failedUploadMessage(res) });
    const result = res.json as unknown as ImportInstitutionsResult;
    if (result.ok) {
      setOutcome({ kind: "done", fileName: file.name, created: result.created, updated: result.updated, unchanged: result.unchanged });
      message.success(`导入完成：${summary(result)}`);
      router.refresh();
    } else {
      setOutcome({ kind: "issues", fileName: file.name, issues: result.issues, total: result.counts.issues, truncated: result.truncated });
    }
  }

  return (
    <Modal open title="批量导入医疗机构" width={760} onCancel={onClose} destroyOnHidden footer={<Button onClick={onClose}>关闭</Button>}>
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          上传 Excel（.xlsx）或 CSV 文件，第 1
          行为表头。机构编码已存在的将按文件内容更新（选填列留空则保持原值），其余新增。任何一行有问题时整份文件都不会导入。
          <a href={TEMPLATE_URL} download style={{ marginLeft: 8 }}>
            <DownloadOutlined /> 下载导入模板
          </a>
        </Typography.Paragraph>
        <FileDropArea
          accept=".xlsx,.csv"
          text="点击或把文件拖到这里上传"
          hint="支持 .xlsx 与 .csv（UTF-8 或 GBK），不超过 5 MB、20,000 行"
          checkingText="正在检查并导入…"
          progress={progress}
          onFile={(file) => void upload(file)}
        />
        {outcome?.kind === "done" && <Alert type="success" showIcon title={`“${outcome.fileName}”导入完成：${summary(outcome)}。`} />}
        {outcome?.kind === "error" && <Alert type="error" showIcon title={`“${outcome.fileName}”未导入`} description={outcome.message} />}
        {outcome?.kind === "issues" && (
          <RowProblemsTable
            title={`“${outcome.fileName}”有 ${outcome.total} 处问题，未导入任何数据。请修改后重新上传。`}
            problems={outcome.issues}
            truncated={outcome.truncated}
          />
        )}
      </Space>
    </Modal>
  );
}

function summary(r: { created: number; updated: number; unchanged: number }) {
  return `新增 ${r.created} 家，更新 ${r.updated} 家` + (r.unchanged ? `，${r.unchanged} 家无变化` : "");
}
