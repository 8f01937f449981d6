"use client";

import { CheckOutlined, RollbackOutlined } from "@ant-design/icons";
import { Alert, App, Button, Input, Modal, Space, Typography } from "antd";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { reviewSheetAction } from "@/app/(portal)/(antd)/sheets/actions";
import { reviewDecisionSchema } from "@/app/_domain/schemas/sheet";
import type { VersionStatus } from "@/app/_domain/sheets/display";

type Decision = "ACCEPT" | "REJECT";

/**
 * Where the version stands in review. A DATA_REVIEWER who did not upload it gets 通过 / 退回 (退回 needs a reason);
 * the uploader is told that someone else must review it (分级审核).
 */
export function ReviewBar(props: {
  versionId: string;
  version: number;
  status: VersionStatus;
  canReview: boolean;
  ownUpload: boolean;
  /** The month's accepted version, which accepting this one supersedes. */
  replaces: number | null;
  /** The month's newest version when it is newer than this one. */
  newer: number | null;
}) {
  const [deciding, setDeciding] = useState<Decision | null>(null);
  if (props.status !== "VALIDATED") return null;
  const style = { marginBottom: 16 };
  if (!props.canReview)
    return <Alert style={style} type="info" showIcon title={`第 ${props.version} 版已通过校验，等待数据审核员审核。`} />;
  if (props.ownUpload)
    return <Alert style={style} type="info" showIcon title="这是您本人上传的版本，须由另一位数据审核员审核（分级审核）。" />;
  return (
    <>
      <Alert
        style={style}
        type="warning"
        showIcon
        title={`第 ${props.version} 版等待您审核`}
        description={
          <>
            {props.newer !== null && <b>注意：本月已有更新的第 {props.newer} 版，请确认审核的是要采用的版本。</b>}
            请核对下方区域表、机构表和校验提醒的说明。通过后，本月数据以该版本为准；退回时请写明原因，填报员据此修改后重新上传。
          </>
        }
        action={
          <Space orientation="vertical">
            <Button type="primary" icon={<CheckOutlined />} onClick={() => setDeciding("ACCEPT")}>
              通过
            </Button>
            <Button danger icon={<RollbackOutlined />} onClick={() => setDeciding("REJECT")}>
              退回
            </Button>
          </Space>
        }
      />
      {deciding && <ReviewModal {...props} decision={deciding} onClose={() => setDeciding(null)} />}
    </>
  );
}

function ReviewModal({
  versionId,
  version,
  replaces,
  decision,
  onClose,
}: {
  versionId: string;
  version: number;
  replaces: number | null;
  decision: Decision;
  onClose: () => void;
}) {
  const router = useRouter();
  const { message } = App.useApp();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const accept = decision === "ACCEPT";

  async function submit() {
    // The server's own rule (a reason to send a version back), checked here first to answer at once.
    const checked = reviewDecisionSchema.safeParse({ decision, comment });
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? "输入有误。");
      return;
    }
    setPending(true);
    const result = await reviewSheetAction({ versionId, decision, comment: comment.trim() });
    setPending(false);
    if (!result.ok) {
      setError(result.fieldErrors.comment ?? result.message);
      return;
    }
    message.success(accept ? `已通过第 ${version} 版` : `已退回第 ${version} 版`);
    onClose();
    router.refresh();
  }

  return (
    <Modal
      open
      title={accept ? `通过第 ${version} 版` : `退回第 ${version} 版`}
      okText={accept ? "通过" : "退回"}
      okButtonProps={{ danger: !accept }}
      confirmLoading={pending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {accept
            ? `通过后，本月数据以第 ${version} 版为准${replaces ? `；原已通过的第 ${replaces} 版将标记为“已被替代”` : ""}。`
            : "退回后该版本不会用于发布。请写明需要修改的地方。"}
        </Typography.Paragraph>
        <Input.TextArea
          aria-label="审核意见"
          rows={3}
          maxLength={1000}
          showCount
          placeholder={accept ? "审核意见（选填）" : "退回原因（必填），例如：FI03 职工基金收入与财务报表不一致，请核对"}
          value={comment}
          status={error ? "error" : undefined}
          onChange={(e) => {
            setComment(e.target.value);
            setError(null);
          }}
        />
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Space>
    </Modal>
  );
}
