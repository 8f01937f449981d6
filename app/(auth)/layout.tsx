import { AntdRoot } from "@/components/ui/antd-root";

/** Password change and MFA set-up: Ant Design forms. (The sign-in page, app/(sign-in)/login, is plain HTML.) */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <AntdRoot>{children}</AntdRoot>;
}
