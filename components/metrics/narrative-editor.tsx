"use client";

import { Alert, App, Button, Collapse, Input, Popconfirm, Space, Typography } from "antd";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { saveNarrativeAction } from "@/app/(portal)/(antd)/metrics/actions";
import { NARRATIVE_MAX_LENGTH } from "@/app/_domain/schemas/narrative";
import type { getNarrative } from "@/app/_server/metrics/get-narrative";

type Data = Awaited<ReturnType<typeof getNarrative>>;

const when = (iso: string) => new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });

/**
 * 智能解读: the quarter's commentary. The editor starts from the newest saved version or, before the first save,
 * from the machine draft; saving makes a new version (older ones stay listed below). Read-only for those who may
 * not edit (supervisors).
 */
export function NarrativeEditor({ data }: { data: Data }) {
  const { message } = App.useApp();
  const router = useRouter();
  const [text, setText] = useState(data.saved?.text ?? data.drafted);
  const [error, setError] = useState<string | null>(null);
  const [saving, startSaving] = useTransition();
  if (!data.period) return <Alert type="info" showIcon title="尚无完整季度的审核通过数据，无法生成智能解读。" />;
  const base = data.saved?.version ?? 0;
  const dirty = text.trim() !== (data.saved?.text ?? "").trim();
  const save = () =>
    startSaving(async () => {
      setError(null);
      const r = await saveNarrativeAction({ period: data.period!, text, baseVersion: base });
      if (!r.ok) {
        setError(r.message);
        return;
      }
      message.success(r.data.unchanged ? "内容未改变，没有新建版本。" : `已保存为第 ${r.data.version} 版。`);
      router.refresh();
    });
  return (
    <div style={{ maxWidth: 980 }} data-testid="narrative">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {data.region.name} {data.label} 智能解读
      </Typography.Title>
      {data.saved ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={`当前为第 ${data.saved.version} 版，${data.saved.author} 于 ${when(data.saved.updatedAt)} 保存。`}
          description="发布季度报告时将使用最新保存的版本；历史版本均保留在下方。"
        />
      ) : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="尚未保存：以下为系统根据本季度指标和异常提示自动生成的草稿。"
          description={data.canEdit ? "请核对、修改后保存。自动草稿不点名任何医疗机构。" : "数据工作组尚未保存本季度的解读。"}
        />
      )}
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Input.TextArea
        data-testid="narrative-text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        readOnly={!data.canEdit}
        autoSize={{ minRows: 10, maxRows: 30 }}
        maxLength={NARRATIVE_MAX_LENGTH}
        showCount
        style={{ fontSize: 15, lineHeight: 1.9 }}
      />
      {data.canEdit ? (
        <Space style={{ marginTop: 20 }} wrap>
          <Button type="primary" onClick={save} loading={saving} disabled={!dirty || !text.trim()} data-testid="narrative-save">
            保存为第 {base + 1} 版
          </Button>
          {data.saved && (
            <Button onClick={() => setText(data.saved!.text)} disabled={!dirty}>
              撤销修改
            </Button>
          )}
          <Popconfirm
            title="用系统最新生成的草稿替换编辑框中的文字？"
            description="已保存的版本不受影响。"
            onConfirm={() => setText(data.drafted)}
            okText="替换"
            cancelText="取消"
          >
            <Button>重新生成草稿</Button>
          </Popconfirm>
          {dirty && <Typography.Text type="warning">有未保存的修改</Typography.Text>}
        </Space>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          只读：智能解读由该统筹区数据工作组编辑。
        </Typography.Paragraph>
      )}
      <Collapse
        style={{ marginTop: 20 }}
        size="small"
        items={[
          {
            key: "versions",
            label: `历史版本（${data.versions.length}）`,
            children: data.versions.length ? (
              data.versions.map((v) => (
                <div key={v.version} style={{ marginBottom: 16 }} data-testid={`narrative-version-${v.version}`}>
                  <Space>
                    <Typography.Text strong>第 {v.version} 版</Typography.Text>
                    <Typography.Text type="secondary">
                      {v.author} · {when(v.createdAt)}
                    </Typography.Text>
                    {data.canEdit && (
                      <Button size="small" type="link" onClick={() => setText(v.text)}>
                        载入编辑框
                      </Button>
                    )}
                  </Space>
                  <div style={{ whiteSpace: "pre-wrap", color: "#4a5568", marginTop: 4 }}>{v.text}</div>
                </div>
              ))
            ) : (
              <Typography.Text type="secondary">尚无保存的版本。</Typography.Text>
            ),
          },
          {
            key: "drafted",
            label: "系统自动草稿（按当前数据生成）",
            children: <div style={{ whiteSpace: "pre-wrap", color: "#4a5568" }}>{data.drafted}</div>,
          },
        ]}
      />
    </div>
  );
}
