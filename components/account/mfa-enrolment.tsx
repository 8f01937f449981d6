"use client";

import { CopyOutlined, DownloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Checkbox, Col, Form, Input, Row, Space, Steps, Typography } from "antd";
import { useState } from "react";
import { confirmMfaEnrolmentAction } from "@/app/(portal)/(antd)/account/security/actions";

/**
 * Binding an authenticator app: scan the QR code (or type the key), confirm with a code, then save the ten
 * recovery codes, which are shown only here, once.
 */
export function MfaEnrolment({
  username,
  secret,
  qrSvg,
  doneHref,
  doneLabel,
}: {
  username: string;
  secret: string;
  qrSvg: string;
  doneHref: string;
  doneLabel: string;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code: string }>();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [saved, setSaved] = useState(false);
  const grouped = secret.replace(/(.{4})/g, "$1 ").trim();

  async function onFinish({ code }: { code: string }) {
    setPending(true);
    setError(null);
    const r = await confirmMfaEnrolmentAction({ code });
    setPending(false);
    if (!r.ok) {
      setError(r.message);
      form.resetFields();
      return;
    }
    setCodes(r.data.recoveryCodes);
  }

  const codesText = () => `亮底 ${username} 的双因素认证恢复码（每个只能使用一次）\n\n${codes!.join("\n")}\n`;

  if (codes)
    return (
      <div data-testid="recovery-codes">
        <Alert
          type="success"
          showIcon
          title="身份验证器已绑定"
          description="以后登录时，输入密码后还需输入身份验证器上的动态验证码。"
          style={{ marginBottom: 16 }}
        />
        <Typography.Title level={5}>请保存恢复码</Typography.Title>
        <Typography.Paragraph type="secondary">
          手机丢失或更换时，可用下面任一恢复码代替动态验证码登录，每个只能使用一次。恢复码只显示这一次，请抄写或下载后妥善保管（不要存放在手机上）。
        </Typography.Paragraph>
        <Row gutter={[8, 8]} style={{ maxWidth: 420, marginBottom: 16 }}>
          {codes.map((c) => (
            <Col span={12} key={c}>
              <Typography.Text code style={{ fontSize: 16, letterSpacing: 1 }}>
                {c}
              </Typography.Text>
            </Col>
          ))}
        </Row>
        <Space wrap style={{ marginBottom: 16 }}>
          <Button icon={<CopyOutlined />} onClick={() => navigator.clipboard?.writeText(codesText()).then(() => message.success("已复制"))}>
            复制全部
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => {
              const a = document.createElement("a");
              a.href = URL.createObjectURL(new Blob([codesText()], { type: "text/plain;charset=utf-8" }));
              a.download = `亮底-${username}-恢复码.txt`;
              a.click();
            }}
          >
            下载为文本文件
          </Button>
        </Space>
        <div style={{ marginBottom: 16 }}>
          <Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)}>
            我已保存恢复码
          </Checkbox>
        </div>
        <Button type="primary" disabled={!saved} onClick={() => window.location.assign(doneHref)}>
          {doneLabel}
        </Button>
      </div>
    );

  return (
    <Steps
      direction="vertical"
      items={[
        {
          status: "process",
          title: "在手机上安装身份验证器",
          description: "例如微信小程序“腾讯身份验证器”、Microsoft Authenticator、Google Authenticator 或 FreeOTP，任选其一。",
        },
        {
          status: "process",
          title: "扫描二维码",
          description: (
            <div>
              <div
                aria-label="身份验证器二维码"
                role="img"
                style={{
                  width: 168,
                  height: 168,
                  margin: "8px 0",
                  padding: 4,
                  border: "1px solid #e8ebf0",
                  borderRadius: 8,
                  background: "#fff",
                }}
                dangerouslySetInnerHTML={{ __html: qrSvg }}
              />
              <Typography.Text type="secondary">无法扫码时，在身份验证器中手动添加账号，输入密钥：</Typography.Text>
              <div>
                <Typography.Text code copyable={{ text: secret }} data-testid="mfa-secret" style={{ fontSize: 14 }}>
                  {grouped}
                </Typography.Text>
              </div>
            </div>
          ),
        },
        {
          status: "process",
          title: "输入验证码确认",
          description: (
            <div style={{ maxWidth: 320, marginTop: 8 }}>
              {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
              <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={pending}>
                <Form.Item
                  label="身份验证器显示的 6 位数字"
                  name="code"
                  rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: "请输入 6 位数字" }]}
                >
                  <Input size="large" inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder="6 位数字" />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={pending}>
                  确认绑定
                </Button>
              </Form>
            </div>
          ),
        },
      ]}
    />
  );
}
