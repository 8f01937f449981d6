"use client";

import { UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Form, Input, Modal, Space, Switch, Typography } from "antd";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { RowIssue } from "@/app/_domain/institutions";
import type { ImportCatalogueResult } from "@/app/_server/catalogue/import-catalogue-version";
import { failedUploadMessage, FileDropArea, RowProblemsTable, useFormUpload } from "@/components/ui/file-upload";

const IMPORT_URL = "/api/catalogue/import";
const MAX_BYTES = 5 * 1024 * 1024;

type Outcome = { kind: "issues"; issues: RowIssue[]; total: number; truncated: boolean } | { kind: "error"; message: string };

/** 导入目录版本 (SYSTEM_ADMIN): the new version's code and name, plus a file in the export layout. */
export function ImportCatalogueButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="primary" icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        导入目录版本
      </Button>
      {open && <ImportModal onClose={() => setOpen(false)} />}
    </>
  );
}

function ImportModal({ onClose }: { onClose: () => void }) {
  const router = useRouter();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [file, setFile] = useState<File | null>(null);
  const { progress, busy, send } = useFormUpload();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function submit() {
    const values = await form.validateFields();
    if (!file) {
      setOutcome({ kind: "error", message: "请选择要导入的目录文件（.xlsx 或 .csv）。" });
      return;
    }
    if (file.size > MAX_BYTES) {
      setOutcome({ kind: "error", message: "文件超过 5 MB 的上限。" });
      return;
    }
    setOutcome(null);
    const body = new FormData();
    body.append("code", values.code);
    body.append("name", values.name);
    if (values.description) body.append("description", values.description);
    body.append("reconstructed", values.reconstructed ? "1" : "0");
    body.append("file", file, file.name);
    const res = await send(IMPORT_URL, body).catch(() => null);
    if (!res) return setOutcome({ kind: "error", message: "网络错误，导入没有完成，请稍后重试。" });
    if (!res.ok || !res.json || res.redirected) {
      const fieldErrors = (res.json?.fieldErrors ?? {}) as Record<string, string>;
      form.setFields(
        Object.entries(fieldErrors)
          .filter(([n]) => n === "code" || n === "name" || n === "description")
          .map(([name, err]) => ({ name, errors: [err] })),
      );
      return setOutcome({ kind: "error", message: failedUploadMessage(res, "导入") });
    }
    const result = res.json as unknown as ImportCatalogueResult;
    if (result.ok) {
      message.success(`已导入目录版本 ${result.code}，共 ${result.indicators} 项指标`);
      onClose();
      router.push(`/catalogue/${encodeURIComponent(result.code)}`);
    } else {
      setOutcome({ kind: "issues", issues: result.issues, total: result.counts.issues, truncated: result.truncated });
    }
  }

  return (
    <Modal open title="导入指标目录版本" width={800} onCancel={onClose} onOk={submit} okText="导入" confirmLoading={busy} destroyOnHidden>
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          导入总是建立一个新的目录版本，已有版本不会被修改。文件格式与“导出 Excel / 导出
          CSV”相同：可先导出现有版本，按官方清单修改后再导入。 任何一行有问题时整份文件都不会导入。
        </Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ reconstructed: false }}>
          <Space.Compact block>
            <Form.Item name="code" label="新版本编码" rules={[{ required: true, message: "请填写版本编码" }]} style={{ width: "40%" }}>
              <Input placeholder="如 NHSA-2025-03-OFFICIAL" maxLength={40} />
            </Form.Item>
            <Form.Item name="name" label="目录名称" rules={[{ required: true, message: "请填写目录名称" }]} style={{ width: "60%" }}>
              <Input placeholder="如 医保数据工作组数据底稿（2025年3月版，官方）" maxLength={100} />
            </Form.Item>
          </Space.Compact>
          <Form.Item name="description" label="说明">
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Form.Item name="reconstructed" label="据公开资料重建（非官方清单）" valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        </Form>
        <FileDropArea
          accept=".xlsx,.csv"
          text={file ? `已选择：${file.name}` : "点击或把目录文件拖到这里"}
          hint="支持 .xlsx 与 .csv（UTF-8 或 GBK），不超过 5 MB"
          checkingText="正在检查并导入…"
          progress={progress}
          onFile={(f) => {
            setFile(f);
            setOutcome(null);
          }}
        />
        {outcome?.kind === "error" && <Alert type="error" showIcon title="未导入" description={outcome.message} />}
        {outcome?.kind === "issues" && (
          <RowProblemsTable
            title={`文件有 ${outcome.total} 处问题，未导入任何数据。请修改后重新上传。`}
            problems={outcome.issues}
            truncated={outcome.truncated}
          />
        )}
      </Space>
    </Modal>
  );
}
