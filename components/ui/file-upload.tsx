"use client";

import { InboxOutlined } from "@ant-design/icons";
import { Alert, Progress, Table, Typography, Upload } from "antd";
import { useCallback, useState } from "react";

/**
 * The one file-upload piece of the portal (institutions import, catalogue import, sheet upload): a drop area
 * with an upload progress bar, the POST that reports progress, and the table of a refused file's problems.
 */

/** The answer of a form POST: the status and the JSON body, when the server sent JSON. */
export interface FormResponse {
  status: number;
  ok: boolean;
  json: Record<string, unknown> | null;
  /** The request ended somewhere else (an expired session is sent to the login page). */
  redirected: boolean;
}

/**
 * POSTs a form with XMLHttpRequest, not fetch: browsers report upload progress only to XMLHttpRequest, and a
 * 20 MB sheet on a slow link takes long enough that the user must see it move. Rejects on a network error.
 */
export function postForm(url: string, body: FormData, onProgress?: (fraction: number) => void): Promise<FormResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      let json: Record<string, unknown> | null = null;
      if (xhr.getResponseHeader("content-type")?.includes("application/json")) {
        try {
          json = JSON.parse(xhr.responseText);
        } catch {
          json = null;
        }
      }
      const redirected = !!xhr.responseURL && new URL(xhr.responseURL).pathname !== new URL(url, location.href).pathname;
      resolve({ status: xhr.status, ok: xhr.status >= 200 && xhr.status < 300, json, redirected });
    };
    xhr.onerror = () => reject(new Error("network error"));
    xhr.onabort = () => reject(new Error("aborted"));
    xhr.send(body);
  });
}

/** Progress of the request in flight: null when idle, else the fraction of the file sent (1: waiting for the answer). */
export function useFormUpload() {
  const [progress, setProgress] = useState<number | null>(null);
  const send = useCallback(async (url: string, body: FormData) => {
    setProgress(0);
    try {
      return await postForm(url, body, setProgress);
    } finally {
      setProgress(null);
    }
  }, []);
  return { progress, busy: progress !== null, send };
}

/** The message for an answer that is not the JSON the dialog expects. */
export function failedUploadMessage(res: FormResponse, verb = "上传"): string {
  if (res.redirected || res.status === 401) return `登录已过期，请重新登录后再${verb}。`;
  if (res.status === 413) return "文件太大，服务器拒收。";
  if (res.json && typeof res.json.error === "string") return res.json.error;
  return `${verb}失败（HTTP ${res.status}），请稍后重试。`;
}

export interface FileDropAreaProps {
  accept: string;
  /** The main line, e.g. 「点击或把文件拖到这里上传」 (or the chosen file's name). */
  text: string;
  hint: string;
  /** What the server does once the file is sent, e.g. 「正在逐格校验…」. */
  checkingText: string;
  progress: number | null;
  disabled?: boolean;
  onFile: (file: File) => void;
}

/** A click-or-drop area for one file; while a request is in flight, a progress bar under it. */
export function FileDropArea({ accept, text, hint, checkingText, progress, disabled, onFile }: FileDropAreaProps) {
  return (
    <div>
      <Upload.Dragger
        accept={accept}
        multiple={false}
        showUploadList={false}
        disabled={disabled || progress !== null}
        beforeUpload={(file) => {
          onFile(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{text}</p>
        <p className="ant-upload-hint">{hint}</p>
      </Upload.Dragger>
      {progress !== null && <UploadProgress progress={progress} checkingText={checkingText} />}
    </div>
  );
}

function UploadProgress({ progress, checkingText }: { progress: number; checkingText: string }) {
  const percent = Math.min(100, Math.round(progress * 100));
  const label = percent < 100 ? `正在上传… ${percent}%` : `已上传，${checkingText}`;
  return (
    <div role="status" aria-live="polite" style={{ marginTop: 8 }}>
      <Progress percent={percent} status="active" size="small" aria-label="上传进度" />
      <Typography.Text type="secondary">{label}</Typography.Text>
    </div>
  );
}

/** One problem of a refused file: its 1-based row, the column's name, and what is wrong. */
export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

/** Why a file was refused: a summary and every problem with its row and column. */
export function RowProblemsTable({ title, problems, truncated }: { title: string; problems: RowProblem[]; truncated: boolean }) {
  return (
    <>
      <Alert type="error" showIcon title={title} description={truncated ? `下表只列出前 ${problems.length} 处。` : undefined} />
      <Table<RowProblem & { key: number }>
        size="small"
        dataSource={problems.map((p, key) => ({ ...p, key }))}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: "行号", dataIndex: "row", width: 80, render: (v) => <span className="num">{v}</span> },
          { title: "列", dataIndex: "column", width: 140 },
          { title: "问题", dataIndex: "message" },
        ]}
      />
    </>
  );
}
