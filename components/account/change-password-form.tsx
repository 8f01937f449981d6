"use client";

import { Alert, Button, Card, Form, Input } from "antd";
import { signOut } from "next-auth/react";
import { useState } from "react";
import type { PasswordPolicy } from "@/app/_domain/password-policy";
import type { ChangePasswordInput } from "@/app/_domain/schemas/password";
import { changePasswordAction } from "@/app/(portal)/(antd)/account/password/actions";

export function ChangePasswordForm({ policy }: { policy: PasswordPolicy }) {
  const [form] = Form.useForm<ChangePasswordInput>();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  async function onFinish(values: ChangePasswordInput) {
    setError(null);
    const r = await changePasswordAction(values);
    if (!r.ok) {
      setError(r.message);
      form.setFields(Object.entries(r.fieldErrors).map(([name, e]) => ({ name: name as keyof ChangePasswordInput, errors: [e] })));
      return;
    }
    setDone(true);
    setTimeout(() => signOut({ callbackUrl: "/login" }), 1500);
  }
  return (
    <Card style={{ maxWidth: 520, width: "100%" }}>
      {done ? (
        <Alert type="success" showIcon title="密码已修改" description="请用新密码重新登录，正在跳转到登录页…" />
      ) : (
        <>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
          <Form form={form} layout="vertical" onFinish={onFinish}>
            <Form.Item name="current" label="当前密码" rules={[{ required: true, message: "请输入当前密码" }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Form.Item
              name="next"
              label="新密码"
              extra={`至少 ${policy.minLength} 位，包含小写字母、大写字母、数字、特殊符号中的至少 ${policy.minClasses} 类，且不能包含用户名。`}
              rules={[{ required: true, message: "请输入新密码" }]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item name="confirm" label="确认新密码" dependencies={["next"]} rules={[{ required: true, message: "请再次输入新密码" }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              修改密码
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}
