"use client";

import { Alert, App, Form, Input, Modal, Select } from "antd";
import { useMemo, useState } from "react";
import { passwordPolicyErrors, type PasswordPolicy } from "@/app/_domain/password-policy";
import { ADMIN_ROLES, REGION_ROLES, ROLE_LABELS, scopeKindOf, type Role } from "@/app/_domain/roles";
import { roleAssignmentFieldErrors, scopeFieldOf, USERNAME_PATTERN } from "@/app/_domain/schemas/user";
import type { UserDto } from "@/app/_server/admin/list-users";
import { createUserAction, updateUserAction } from "@/app/(portal)/(antd)/admin/users/actions";
import { useFormSubmit } from "@/components/ui/use-form-submit";

export interface UserFormOptions {
  provinces: { id: string; code: string; name: string }[];
  regions: { id: string; code: string; name: string; provinceId: string }[];
  institutions: { id: string; code: string; name: string; regionId: string }[];
}

interface Values {
  username: string;
  displayName: string;
  roles: Role[];
  provinceId?: string;
  regionId?: string;
  institutionId?: string;
  password?: string;
  confirm?: string;
}

/** Two fields side by side, each with its own label and border (Space.Compact would glue the inputs together). */
const PAIR: React.CSSProperties = { display: "flex", gap: 16 };
const HALF: React.CSSProperties = { flex: 1, minWidth: 0 };

const group = (label: string, roles: readonly Role[]) => ({ label, options: roles.map((r) => ({ value: r, label: ROLE_LABELS[r] })) });
const ROLE_OPTIONS = [
  group("管理员（三员分立，只能单独担任）", ADMIN_ROLES),
  group("医保数据工作组（同一统筹区，可兼任）", REGION_ROLES),
  group("监管与医疗机构（只能单独担任）", ["SUPERVISOR", "HOSPITAL_VIEWER"]),
];

/** Checks only the combination of roles; the scope field the roles need is required separately. */
async function validateRoles(_: unknown, roles: Role[] = []) {
  if (roles.length === 0) return; // the "required" rule says so
  const error = roleAssignmentFieldErrors({ roles, provinceId: "-", regionId: "-", institutionId: "-" }).roles;
  if (error) throw new Error(error);
}

export function UserModal({
  value,
  self,
  options,
  policy,
  onClose,
}: {
  value: UserDto | null;
  self: boolean;
  options: UserFormOptions;
  policy: PasswordPolicy;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const roles = Form.useWatch("roles", form) ?? value?.roles ?? [];
  const kind = scopeKindOf(roles);
  const institutionRegion = useMemo(() => new Map(options.institutions.map((i) => [i.id, i.regionId])), [options.institutions]);
  // The region filter of the institution select; not saved (a hospital user's scope is the institution alone).
  const [filterRegion, setFilterRegion] = useState<string | undefined>(
    value?.institutionId ? institutionRegion.get(value.institutionId) : undefined,
  );
  const institutions = options.institutions.filter((i) => !filterRegion || i.regionId === filterRegion);
  const regionOptions = options.regions.map((r) => ({ value: r.id, label: `${r.name}（${r.code}）` }));

  const { submit, pending } = useFormSubmit(
    form,
    (v) => {
      const field = scopeFieldOf(v.roles);
      const scope = { provinceId: null, regionId: null, institutionId: null, ...(field ? { [field]: v[field] ?? null } : {}) };
      return value
        ? updateUserAction({ id: value.id, displayName: v.displayName, roles: v.roles, ...scope })
        : createUserAction({ username: v.username, displayName: v.displayName, roles: v.roles, password: v.password, ...scope });
    },
    (data) => {
      const revoked = value && "sessionsRevoked" in data && data.sessionsRevoked;
      message.success(value ? (revoked ? "已保存；角色或范围已变更，该用户需重新登录" : "已保存") : "已新增用户，首次登录须修改初始密码");
      onClose();
    },
  );

  const policyRule = {
    validator: async (_: unknown, pw?: string) => {
      const errors = pw ? passwordPolicyErrors(pw, policy, form.getFieldValue("username")) : [];
      if (errors.length) throw new Error(errors.join(""));
    },
  };
  return (
    <Modal
      open
      title={value ? `编辑用户：${value.displayName}` : "新增用户"}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={pending}
      okText="保存"
      width={580}
      destroyOnHidden
    >
      {self && <Alert type="info" showIcon style={{ marginBottom: 16 }} title="这是您本人的账号：三员分立，禁止自我授权，只能修改姓名。" />}
      <Form form={form} layout="vertical" initialValues={value ?? { roles: [] }}>
        <div style={PAIR}>
          <Form.Item
            name="username"
            label="用户名"
            style={HALF}
            rules={[
              { required: true, message: "请填写用户名" },
              { pattern: USERNAME_PATTERN, message: "小写字母开头，3–32 位小写字母、数字或下划线" },
            ]}
          >
            <Input disabled={!!value} placeholder="如 hf_entry01" autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label="姓名" style={HALF} rules={[{ required: true, message: "请填写姓名" }]}>
            <Input maxLength={50} />
          </Form.Item>
        </div>
        <Form.Item
          name="roles"
          label="角色"
          rules={[{ required: true, message: "至少选择一个角色" }, { validator: validateRoles }]}
          extra="管理员角色互斥；数据填报员、审核员、发布负责人可在同一统筹区兼任。"
        >
          <Select
            mode="multiple"
            disabled={self}
            showSearch={{ optionFilterProp: "label" }}
            options={ROLE_OPTIONS}
            placeholder="选择角色"
          />
        </Form.Item>
        {kind === "DEPLOYMENT" && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="管理员角色的权限范围为全系统，无需指定统筹区或机构。" />
        )}
        {kind === "PROVINCE" && (
          <Form.Item name="provinceId" label="监管省份" rules={[{ required: true, message: "上级监管用户须指定所监管的省份" }]}>
            <Select
              disabled={self}
              options={options.provinces.map((p) => ({ value: p.id, label: `${p.name}（${p.code}）` }))}
              placeholder="选择省份"
            />
          </Form.Item>
        )}
        {kind === "REGION" && (
          <Form.Item name="regionId" label="所属统筹区" rules={[{ required: true, message: "数据工作组角色须指定所属统筹区" }]}>
            <Select disabled={self} showSearch={{ optionFilterProp: "label" }} options={regionOptions} placeholder="选择统筹区" />
          </Form.Item>
        )}
        {kind === "INSTITUTION" && (
          <div style={PAIR}>
            <Form.Item label="统筹区（筛选）" htmlFor="institutionRegionFilter" style={{ ...HALF, flex: 2 }}>
              <Select
                id="institutionRegionFilter"
                allowClear
                disabled={self}
                showSearch={{ optionFilterProp: "label" }}
                value={filterRegion}
                options={regionOptions}
                placeholder="全部统筹区"
                onChange={(r?: string) => {
                  setFilterRegion(r);
                  if (r && institutionRegion.get(form.getFieldValue("institutionId")) !== r) form.setFieldValue("institutionId", undefined);
                }}
              />
            </Form.Item>
            <Form.Item
              name="institutionId"
              label="所属医疗机构"
              style={{ ...HALF, flex: 3 }}
              rules={[{ required: true, message: "医疗机构用户须指定所属医疗机构" }]}
            >
              <Select
                disabled={self}
                showSearch={{ optionFilterProp: "label" }}
                options={institutions.map((i) => ({ value: i.id, label: `${i.name}（${i.code}）` }))}
                placeholder="选择医疗机构"
              />
            </Form.Item>
          </div>
        )}
        {!value && (
          <div style={PAIR}>
            <Form.Item
              name="password"
              label="初始密码"
              style={HALF}
              dependencies={["username"]}
              rules={[{ required: true, message: "请设置初始密码" }, policyRule]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label="确认初始密码"
              style={HALF}
              dependencies={["password"]}
              rules={[
                { required: true, message: "请再次输入初始密码" },
                ({ getFieldValue }) => ({
                  validator: async (_, c?: string) => {
                    if (c && c !== getFieldValue("password")) throw new Error("两次输入的密码不一致");
                  },
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </div>
        )}
        {!value && (
          <div style={{ color: "#5b6474", marginTop: -8 }}>
            密码至少 {policy.minLength} 位，包含小写字母、大写字母、数字、特殊符号中的至少 {policy.minClasses}{" "}
            类，且不能包含用户名；用户首次登录须修改。
          </div>
        )}
      </Form>
    </Modal>
  );
}
