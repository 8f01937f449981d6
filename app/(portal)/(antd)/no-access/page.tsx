import { Result } from "antd";

export default function NoAccess() {
  return (
    <Result status="403" title="账号尚未分配角色" subTitle="您的账号没有任何角色或数据范围，因此看不到任何数据。请联系系统管理员分配。" />
  );
}
