import { AntdRoot } from "@/components/ui/antd-root";

/** Sign-in, password change and MFA set-up: Ant Design forms. */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <AntdRoot>{children}</AntdRoot>;
}
