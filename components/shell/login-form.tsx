"use client";

import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Space, Tag, Typography } from "antd";
import { signIn } from "next-auth/react";
import { useState } from "react";

export interface DemoHint {
  password: string;
  accounts: { username: string; roleLabel: string }[];
}

export function LoginForm({ callbackUrl, demo }: { callbackUrl: string; demo: DemoHint | null }) {
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onFinish(values: { username: string; password: string }) {
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError("用户名或密码错误，请重新输入。");
  }

  return (
    <Card style={{ width: "100%", boxShadow: "0 12px 40px rgba(0,0,0,0.18)" }} styles={{ body: { padding: 32 } }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        登录
      </Typography.Title>
      <Typography.Paragraph type="secondary">请使用医保部门分配的账号登录。</Typography.Paragraph>
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={pending}>
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
      {demo && (
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
            </div>
          }
        />
      )}
    </Card>
  );
}
