import { AntdRoot } from "@/components/ui/antd-root";

/**
 * Every portal page but the hospital's inbox and dashboards (../inbox): they use Ant Design. The URL does not
 * change: a route group only groups.
 */
export default function AntdLayout({ children }: { children: React.ReactNode }) {
  return <AntdRoot>{children}</AntdRoot>;
}
