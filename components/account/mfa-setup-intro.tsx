"use client";

import { Card, Typography } from "antd";
import { SignOutLink } from "./sign-out-link";

/** The frame of the forced enrolment page (a client component: Typography.Title cannot be used from a server one). */
export function MfaSetupIntro({ displayName, children }: { displayName: string; children: React.ReactNode }) {
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {displayName}，请绑定身份验证器
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        按照等级保护第三级的要求，医保部门账号登录时除密码外还须输入手机身份验证器生成的动态验证码（双因素认证）。绑定一次即可，约需一分钟。
      </Typography.Paragraph>
      {children}
      <div style={{ marginTop: 24, borderTop: "1px solid #f0f0f0", paddingTop: 12 }}>
        <SignOutLink label="暂不绑定，退出登录" />
      </div>
    </Card>
  );
}
