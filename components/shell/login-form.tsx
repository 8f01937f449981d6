"use client";

import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Space, Tag, Typography } from "antd";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { SIGN_IN_ERRORS, SIGN_IN_REFUSED } from "@/app/_domain/auth-policy";

export interface DemoHint {
  password: string;
  accounts: { username: string; roleLabel: string }[];
}

export interface LockoutHint {
  maxFailures: number;
  lockMinutes: number;
}

interface Credentials {
  username: string;
  password: string;
}

/**
 * Two steps: username and password, then (for an account with MFA) the authenticator's 6-digit code or a
 * recovery code. Both steps post to next-auth's credentials provider; the server checks the password again
 * with the code, so the first step grants nothing.
 */
export function LoginForm({ callbackUrl, demo, lockout }: { callbackUrl: string; demo: DemoHint | null; lockout: LockoutHint }) {
  const [form] = Form.useForm<Credentials>();
  const [codeForm] = Form.useForm<{ code: string }>();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [step, setStep] = useState<Credentials | null>(null);
  const [recovery, setRecovery] = useState(false);

  async function submit(credentials: Credentials, code?: string) {
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { ...credentials, ...(code ? { code } : {}), redirect: false });
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    if (result?.error === SIGN_IN_ERRORS.mfaRequired) {
      setStep(credentials);
      return;
    }
    if (result?.error === SIGN_IN_ERRORS.codeInvalid) {
      setError(recovery ? "恢复码错误或已使用过，请重新输入。" : "动态验证码错误或已使用过，请等待下一个验证码后重新输入。");
      codeForm.resetFields();
      return;
    }
    if (result?.error === SIGN_IN_ERRORS.rateLimited) {
      setError("登录尝试过于频繁，请稍后再试。");
      return;
    }
    setStep(null);
    setError(SIGN_IN_REFUSED);
  }

  return (
    <Card style={{ width: "100%", boxShadow: "0 12px 40px rgba(0,0,0,0.18)" }} styles={{ body: { padding: 32 } }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {step ? "双因素认证" : "登录"}
      </Typography.Title>
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {step ? (
        <>
          <Typography.Paragraph type="secondary">
            {recovery ? (
              <>请输入绑定时保存的一个恢复码（每个恢复码只能使用一次）。</>
            ) : (
              <>
                请打开手机上的身份验证器（如微信小程序“腾讯身份验证器”、Microsoft Authenticator），输入“亮底”账号{" "}
                <Typography.Text strong>{step.username}</Typography.Text> 当前显示的 6 位动态验证码。
              </>
            )}
          </Typography.Paragraph>
          <Form form={codeForm} layout="vertical" onFinish={({ code }) => submit(step, code)} requiredMark={false} disabled={pending}>
            <Form.Item
              label={recovery ? "恢复码" : "动态验证码"}
              name="code"
              rules={[
                { required: true, message: recovery ? "请输入恢复码" : "请输入 6 位动态验证码" },
                ...(recovery ? [] : [{ pattern: /^\s*\d{6}\s*$/, message: "动态验证码是 6 位数字" }]),
              ]}
            >
              <Input
                size="large"
                prefix={<SafetyCertificateOutlined />}
                autoComplete="one-time-code"
                inputMode={recovery ? "text" : "numeric"}
                maxLength={recovery ? 16 : 6}
                placeholder={recovery ? "例如 k7m2p-xq9ra" : "6 位数字"}
                autoFocus
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={pending}>
              验 证
            </Button>
          </Form>
          <Space style={{ marginTop: 16, width: "100%", justifyContent: "space-between" }}>
            <Button type="link" style={{ padding: 0 }} onClick={() => (setRecovery(!recovery), setError(null), codeForm.resetFields())}>
              {recovery ? "改用动态验证码" : "手机不在身边？使用恢复码"}
            </Button>
            <Button type="link" style={{ padding: 0 }} onClick={() => (setStep(null), setRecovery(false), setError(null))}>
              返回重新登录
            </Button>
          </Space>
        </>
      ) : (
        <>
          <Typography.Paragraph type="secondary">请使用医保部门分配的账号登录。</Typography.Paragraph>
          <Form form={form} layout="vertical" onFinish={(v) => submit(v)} requiredMark={false} disabled={pending}>
            <Form.Item label="用户名" name="username" rules={[{ required: true, message: "请输入用户名" }]}>
              <Input size="large" prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item label="密码" name="password" rules={[{ required: true, message: "请输入密码" }]}>
              <Input.Password size="large" prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={pending}>
              登 录
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
            连续输错 {lockout.maxFailures} 次，账号将锁定 {lockout.lockMinutes} 分钟；如需提前解锁，请联系安全管理员。
          </Typography.Paragraph>
        </>
      )}
      {demo && !step && (
        <Alert
          type="info"
          style={{ marginTop: 24 }}
          title="演示环境"
          description={
            <div>
              <div style={{ marginBottom: 8 }}>
                各角色的演示账号密码均为 <Typography.Text code>{demo.password}</Typography.Text>，点击账号即可填入：
              </div>
              <Space size={[4, 6]} wrap>
                {demo.accounts.map(({ username, roleLabel }) => (
                  <Tag
                    key={username}
                    color="blue"
                    style={{ cursor: "pointer" }}
                    onClick={() => form.setFieldsValue({ username, password: demo.password })}
                  >
                    {roleLabel} {username}
                  </Tag>
                ))}
              </Space>
              <div style={{ marginTop: 8, fontSize: 12 }}>
                演示账号不强制双因素认证，可登录后在“登录安全”中自行绑定身份验证器体验；正式部署中，医保部门各角色必须绑定，医疗机构用户可选。
              </div>
            </div>
          }
        />
      )}
    </Card>
  );
}
