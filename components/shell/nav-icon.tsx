import ApartmentOutlined from "@ant-design/icons-svg/es/asn/ApartmentOutlined";
import AuditOutlined from "@ant-design/icons-svg/es/asn/AuditOutlined";
import DashboardOutlined from "@ant-design/icons-svg/es/asn/DashboardOutlined";
import DesktopOutlined from "@ant-design/icons-svg/es/asn/DesktopOutlined";
import FileExcelOutlined from "@ant-design/icons-svg/es/asn/FileExcelOutlined";
import FundOutlined from "@ant-design/icons-svg/es/asn/FundOutlined";
import InboxOutlined from "@ant-design/icons-svg/es/asn/InboxOutlined";
import KeyOutlined from "@ant-design/icons-svg/es/asn/KeyOutlined";
import LineChartOutlined from "@ant-design/icons-svg/es/asn/LineChartOutlined";
import LogoutOutlined from "@ant-design/icons-svg/es/asn/LogoutOutlined";
import MedicineBoxOutlined from "@ant-design/icons-svg/es/asn/MedicineBoxOutlined";
import MenuOutlined from "@ant-design/icons-svg/es/asn/MenuOutlined";
import ProfileOutlined from "@ant-design/icons-svg/es/asn/ProfileOutlined";
import SafetyCertificateOutlined from "@ant-design/icons-svg/es/asn/SafetyCertificateOutlined";
import TeamOutlined from "@ant-design/icons-svg/es/asn/TeamOutlined";
import UserOutlined from "@ant-design/icons-svg/es/asn/UserOutlined";
import type { IconDefinition } from "@ant-design/icons-svg/es/types";
import type { NavIcon } from "@/app/_domain/navigation";

const ICONS = {
  dashboard: DashboardOutlined,
  region: ApartmentOutlined,
  hospital: MedicineBoxOutlined,
  team: TeamOutlined,
  safety: SafetyCertificateOutlined,
  audit: AuditOutlined,
  desktop: DesktopOutlined,
  fund: FundOutlined,
  inbox: InboxOutlined,
  key: KeyOutlined,
  catalogue: ProfileOutlined,
  sheets: FileExcelOutlined,
  metrics: LineChartOutlined,
  menu: MenuOutlined,
  user: UserOutlined,
  logout: LogoutOutlined,
} satisfies Record<NavIcon | "menu" | "user" | "logout", IconDefinition>;

/**
 * An Ant Design outlined icon drawn as plain SVG from its path data: no icon runtime and no style injection,
 * so the shell's icons cost no JavaScript and render on the server. Decorative (hidden from screen readers).
 */
export function Icon({ name }: { name: keyof typeof ICONS }) {
  const { icon } = ICONS[name];
  if (typeof icon === "function") return null; // two-tone icons only; the shell uses outlined ones
  return (
    <svg
      className="shell-icon"
      viewBox={icon.attrs.viewBox}
      width="1em"
      height="1em"
      fill="currentColor"
      aria-hidden="true"
      focusable="false"
    >
      {(icon.children ?? []).map((c, k) => (
        <path key={k} d={c.attrs.d} />
      ))}
    </svg>
  );
}
