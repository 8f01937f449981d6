"use client";

import { LogoutOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { signOut } from "next-auth/react";
import type { MfaStatus } from "@/app/_server/account/get-mfa-status";
import { signOutEverywhereAction } from "@/app/(portal)/(antd)/account/security/actions";
import { MfaEnrolment } from "./mfa-enrolment";

export function SignInSecurity({
  username,
  status,
  enrolment,
  timeouts,
}: {
  username: string;
  status: MfaStatus;
  enrolment: { secret: string; qrSvg: string } | null;
  timeouts: { idleMinutes: number; maxHours: number };
}) {
  const { message } = App.useApp();
  async function everywhere() {
    const r = await signOutEverywhereAction();
    if (!r.ok) return void message.error(r.message);
    await signOut({ callbackUrl: "/login" });
  }
  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Card
        title={
          <Space>
            <SafetyCertificateOutlined />
            双因素认证
            {status.enabled ? (
              <Tag color="green">已启用</Tag>
            ) : status.required ? (
              <Tag color="red">必须启用</Tag>
            ) : (
              <Tag>未启用（可选）</Tag>
            )}
          </Space>
        }
      >
        {status.enabled ? (
          <>
            <Descriptions column={1} size="small" style={{ maxWidth: 520 }}>
              <Descriptions.Item label="启用时间">
                {status.enabledAt ? dayjs(status.enabledAt).format("YYYY-MM-DD HH:mm") : "—"}
              </Descriptions.Item>
              <Descriptions.Item label="剩余恢复码">{status.recoveryCodesLeft} 个</Descriptions.Item>
            </Descriptions>
            {status.recoveryCodesLeft <= 3 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 12, maxWidth: 520 }}
                title="恢复码所剩不多：如手机丢失，请联系安全管理员重置双因素认证后重新绑定。"
              />
            )}
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              更换手机时，请联系安全管理员重置双因素认证，下次登录时重新绑定。
            </Typography.Paragraph>
          </>
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              {status.required
                ? "您的账号必须启用双因素认证。"
                : "启用后，登录时除密码外还需输入手机身份验证器上的动态验证码，即使密码泄露，他人也无法登录。"}
            </Typography.Paragraph>
            {enrolment && (
              <MfaEnrolment
                username={username}
                secret={enrolment.secret}
                qrSvg={enrolment.qrSvg}
                doneHref="/account/security"
                doneLabel="完成"
              />
            )}
          </>
        )}
      </Card>
      <Card
        title={
          <Space>
            <LogoutOutlined />
            登录设备
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          无操作超过 {timeouts.idleMinutes} 分钟，或登录满 {timeouts.maxHours}{" "}
          小时，需要重新登录。怀疑账号在其他电脑上未退出或密码泄露时，可一键退出所有设备（包括本机）。
        </Typography.Paragraph>
        <Popconfirm
          title="退出所有设备？"
          description="包括当前这台电脑，之后需要重新登录。"
          okText="全部退出"
          cancelText="取消"
          onConfirm={everywhere}
        >
          <Button danger>退出所有设备</Button>
        </Popconfirm>
      </Card>
    </Space>
  );
}
