"use client";

import { Alert, App, Form, Input, Modal } from "antd";
import { passwordPolicyErrors, type PasswordPolicy } from "@/app/_domain/password-policy";
import type { UserDto } from "@/app/_server/admin/list-users";
import { resetUserPasswordAction } from "@/app/(portal)/(antd)/admin/users/actions";
import { useFormSubmit } from "@/components/ui/use-form-submit";

/** The admin sets a temporary password; the user must change it at the next sign-in. */
export function ResetPasswordModal({ user, policy, onClose }: { user: UserDto; policy: PasswordPolicy; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const { message } = App.useApp();
  const { submit, pending } = useFormSubmit(
    form,
    ({ password }) => resetUserPasswordAction({ id: user.id, password }),
    () => {
      message.success(`已重置 ${user.username} 的密码，请通过安全渠道告知本人`);
      onClose();
    },
  );
  return (
    <Modal
      open
      title={`重置密码：${user.displayName}（${user.username}）`}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={pending}
      okText="重置"
      okButtonProps={{ danger: true }}
      width={480}
      destroyOnHidden
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="重置后该用户的所有登录立即失效，下次登录须修改此临时密码。" />
      <Form form={form} layout="vertical">
        <Form.Item
          name="password"
          label="临时密码"
          extra={`至少 ${policy.minLength} 位，包含小写字母、大写字母、数字、特殊符号中的至少 ${policy.minClasses} 类，且不能包含用户名。`}
          rules={[
            { required: true, message: "请设置临时密码" },
            {
              validator: async (_, pw?: string) => {
                const errors = pw ? passwordPolicyErrors(pw, policy, user.username) : [];
                if (errors.length) throw new Error(errors.join(""));
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认临时密码"
          dependencies={["password"]}
          rules={[
            { required: true, message: "请再次输入临时密码" },
            ({ getFieldValue }) => ({
              validator: async (_, c?: string) => {
                if (c && c !== getFieldValue("password")) throw new Error("两次输入的密码不一致");
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
