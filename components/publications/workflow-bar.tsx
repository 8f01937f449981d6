"use client";

import { App, Button, Card, Input, Modal, Space, Steps, Tag, Typography } from "antd";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  correctAction,
  publishAction,
  remindAction,
  reviewAction,
  submitAction,
  withdrawAction,
} from "@/app/(portal)/(antd)/publications/actions";
import { STATUS_LABELS } from "@/app/_domain/publications/types";
import { beijingTime } from "@/app/_domain/sheets/display";
import type { PublicationEditorDto } from "@/app/_server/publications/dto";
import { STATUS_COLORS } from "./publications-table";

type Result = { ok: true; data: unknown } | { ok: false; message: string };
type Ask = { title: string; label: string; required: boolean; run: (text: string) => Promise<Result>; ok: string };

const STEP: Record<string, number> = { DRAFT: 0, IN_REVIEW: 1, APPROVED: 2, PUBLISHED: 3, CORRECTED: 3, WITHDRAWN: 3 };

/** Where the version stands (起草 → 审核 → 发布) and the actions the caller may take now (the use cases check again). */
export function WorkflowBar({ e }: { e: PublicationEditorDto }) {
  const { message } = App.useApp();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [ask, setAsk] = useState<Ask | null>(null);
  const [text, setText] = useState("");
  const act = async (run: () => Promise<Result>, done: string, go?: (data: unknown) => string | undefined) => {
    setBusy(true);
    const r = await run();
    setBusy(false);
    if (!r.ok) return void message.error(r.message);
    message.success(done);
    setAsk(null);
    const to = go?.(r.data);
    if (to) router.push(to);
    else router.refresh();
  };
  const prompt = (a: Ask) => {
    setText("");
    setAsk(a);
  };
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="workflow-bar">
      <Space direction="vertical" style={{ width: "100%" }} size={12}>
        <Space wrap size={[12, 8]}>
          <Tag color={STATUS_COLORS[e.status]} data-testid="version-status">
            {STATUS_LABELS[e.status]}
          </Tag>
          <Typography.Text type="secondary">
            第 {e.version} 版 · 起草 {e.author?.name ?? "系统"}
            {e.reviewer && ` · 审核 ${e.reviewer.name}（${beijingTime(e.reviewer.at)}）`}
            {e.publisher && ` · 发布 ${e.publisher.name}（${beijingTime(e.publisher.at)}）`}
          </Typography.Text>
        </Space>
        <Steps
          size="small"
          current={STEP[e.status]}
          items={[{ title: "起草" }, { title: "审核" }, { title: "待发布" }, { title: e.status === "WITHDRAWN" ? "已撤回" : "已发布" }]}
        />
        {e.reviewer?.comment && <Typography.Text type="warning">审核意见：{e.reviewer.comment}</Typography.Text>}
        {e.correctionReason && <Typography.Text>更正原因：{e.correctionReason}</Typography.Text>}
        {e.withdrawalReason && <Typography.Text type="danger">撤回原因：{e.withdrawalReason}</Typography.Text>}
        <Space wrap>
          {e.can.submit && (
            <Button
              type="primary"
              loading={busy}
              onClick={() => act(() => submitAction(e.versionId), "已提交审核")}
              data-testid="submit-review"
            >
              提交审核
            </Button>
          )}
          {e.can.review && (
            <>
              <Button
                type="primary"
                loading={busy}
                onClick={() =>
                  prompt({
                    title: "审核通过",
                    label: "审核意见（可不填）",
                    required: false,
                    ok: "通过",
                    run: (c) => reviewAction({ versionId: e.versionId, decision: "APPROVE", comment: c }),
                  })
                }
                data-testid="approve"
              >
                审核通过
              </Button>
              <Button
                loading={busy}
                onClick={() =>
                  prompt({
                    title: "退回修改",
                    label: "退回原因",
                    required: true,
                    ok: "退回",
                    run: (c) => reviewAction({ versionId: e.versionId, decision: "RETURN", comment: c }),
                  })
                }
              >
                退回修改
              </Button>
            </>
          )}
          {e.can.publish && (
            <Button
              type="primary"
              loading={busy}
              onClick={() => act(() => publishAction(e.versionId), "已发布，快照已冻结并通知医疗机构")}
              data-testid="publish"
            >
              发布
            </Button>
          )}
          {e.can.correct && (
            <Button
              loading={busy}
              onClick={() =>
                prompt({
                  title: "更正（生成新版本草稿）",
                  label: "更正原因（医疗机构可见）",
                  required: true,
                  ok: "生成更正草稿",
                  run: (r) => correctAction({ versionId: e.versionId, reason: r }),
                })
              }
              data-testid="correct"
            >
              更正
            </Button>
          )}
          {e.can.withdraw && (
            <Button
              danger
              loading={busy}
              onClick={() =>
                prompt({
                  title: "撤回发布",
                  label: "撤回原因",
                  required: true,
                  ok: "撤回",
                  run: (r) => withdrawAction({ versionId: e.versionId, reason: r }),
                })
              }
            >
              撤回
            </Button>
          )}
          {(e.status === "PUBLISHED" || e.status === "CORRECTED") && (
            <Link href={`/publications/${e.versionId}/receipts`} data-testid="receipts-link">
              <Button>阅读回执</Button>
            </Link>
          )}
          {e.can.remind && (
            <Button loading={busy} onClick={() => act(() => remindAction(e.versionId), "已提醒未读机构")}>
              提醒未读
            </Button>
          )}
        </Space>
      </Space>
      <Modal
        title={ask?.title}
        open={!!ask}
        onCancel={() => setAsk(null)}
        okText={ask?.ok}
        cancelText="取消"
        confirmLoading={busy}
        okButtonProps={{ disabled: !!ask?.required && text.trim().length < 2, id: "confirm-ask" }}
        onOk={() =>
          ask &&
          act(
            () => ask.run(text.trim()),
            `${ask.ok}成功`,
            (d) =>
              d && typeof d === "object" && "versionId" in d && ask.title.startsWith("更正")
                ? `/publications/${(d as { versionId: string }).versionId}`
                : undefined,
          )
        }
      >
        <Typography.Paragraph>{ask?.label}</Typography.Paragraph>
        <Input.TextArea rows={3} value={text} onChange={(ev) => setText(ev.target.value)} maxLength={1000} data-testid="ask-text" />
      </Modal>
    </Card>
  );
}
