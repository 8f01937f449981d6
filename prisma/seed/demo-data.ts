/** The demo province: three pooling regions and about 60 institutions (fictional data, real place names). */
import type { InstitutionLevel, InstitutionType } from "@/app/_domain/institutions";
import type { Role } from "@/app/_domain/roles";

export const DEMO_PROVINCE = { code: "340000", name: "安徽省" };

type Inst = [name: string, level: InstitutionLevel, type: InstitutionType, district: string, beds: number];

/** `scale`: the region's size for the demo sheets (prisma/seed/demo-sheets.ts): 合肥 is about 10 × 宿松. */
export const DEMO_REGIONS: { code: string; name: string; level: "CITY" | "COUNTY"; scale: number; institutions: Inst[] }[] = [
  {
    code: "340100",
    name: "合肥市",
    level: "CITY",
    scale: 10,
    institutions: [
      ["合肥市第一人民医院", "LEVEL_3", "GENERAL", "瑶海区", 2600],
      ["合肥市第二人民医院", "LEVEL_3", "GENERAL", "瑶海区", 2300],
      ["合肥市第三人民医院", "LEVEL_3", "GENERAL", "包河区", 1500],
      ["合肥市中医院", "LEVEL_3", "TCM", "庐阳区", 1100],
      ["合肥市妇幼保健院", "LEVEL_3", "SPECIALTY", "蜀山区", 900],
      ["合肥市儿童医院", "LEVEL_3", "SPECIALTY", "庐阳区", 800],
      ["合肥市肿瘤医院", "LEVEL_3", "SPECIALTY", "蜀山区", 1000],
      ["巢湖市第一人民医院", "LEVEL_3", "GENERAL", "巢湖市", 1200],
      ["长丰县人民医院", "LEVEL_2", "GENERAL", "长丰县", 700],
      ["肥东县人民医院", "LEVEL_2", "GENERAL", "肥东县", 850],
      ["肥西县人民医院", "LEVEL_2", "GENERAL", "肥西县", 900],
      ["庐江县人民医院", "LEVEL_2", "GENERAL", "庐江县", 800],
      ["长丰县中医院", "LEVEL_2", "TCM", "长丰县", 400],
      ["肥东县中医院", "LEVEL_2", "TCM", "肥东县", 450],
      ["肥西县中医院", "LEVEL_2", "TCM", "肥西县", 420],
      ["合肥市蜀山区人民医院", "LEVEL_2", "GENERAL", "蜀山区", 350],
      ["合肥市包河区人民医院", "LEVEL_2", "GENERAL", "包河区", 380],
      ["合肥市口腔医院", "LEVEL_2", "SPECIALTY", "庐阳区", 120],
      ["瑶海区明光路社区卫生服务中心", "LEVEL_1", "PRIMARY", "瑶海区", 40],
      ["庐阳区杏花村社区卫生服务中心", "LEVEL_1", "PRIMARY", "庐阳区", 30],
      ["蜀山区三里庵社区卫生服务中心", "LEVEL_1", "PRIMARY", "蜀山区", 35],
      ["包河区望湖社区卫生服务中心", "LEVEL_1", "PRIMARY", "包河区", 30],
      ["长丰县双墩镇卫生院", "LEVEL_1", "PRIMARY", "长丰县", 60],
      ["肥东县店埠镇卫生院", "LEVEL_1", "PRIMARY", "肥东县", 80],
      ["肥西县上派镇卫生院", "LEVEL_1", "PRIMARY", "肥西县", 70],
      ["庐江县庐城镇卫生院", "LEVEL_1", "PRIMARY", "庐江县", 60],
      ["合肥康宁精神专科医院", "UNRATED", "SPECIALTY", "包河区", 300],
      ["合肥明视眼科医院", "UNRATED", "SPECIALTY", "蜀山区", 80],
      ["合肥和康康复医院", "UNRATED", "OTHER", "瑶海区", 150],
      ["合肥仁济骨科医院", "UNRATED", "SPECIALTY", "肥西县", 200],
    ],
  },
  {
    code: "340200",
    name: "芜湖市",
    level: "CITY",
    scale: 4,
    institutions: [
      ["芜湖市第一人民医院", "LEVEL_3", "GENERAL", "镜湖区", 1800],
      ["芜湖市第二人民医院", "LEVEL_3", "GENERAL", "镜湖区", 1600],
      ["芜湖市中医医院", "LEVEL_3", "TCM", "镜湖区", 900],
      ["芜湖市妇幼保健院", "LEVEL_2", "SPECIALTY", "弋江区", 300],
      ["无为市人民医院", "LEVEL_2", "GENERAL", "无为市", 900],
      ["南陵县医院", "LEVEL_2", "GENERAL", "南陵县", 700],
      ["繁昌区人民医院", "LEVEL_2", "GENERAL", "繁昌区", 600],
      ["湾沚区医院", "LEVEL_2", "GENERAL", "湾沚区", 500],
      ["南陵县中医院", "LEVEL_2", "TCM", "南陵县", 300],
      ["无为市中医院", "LEVEL_2", "TCM", "无为市", 350],
      ["鸠江区官陡街道社区卫生服务中心", "LEVEL_1", "PRIMARY", "鸠江区", 30],
      ["镜湖区范罗山社区卫生服务中心", "LEVEL_1", "PRIMARY", "镜湖区", 25],
      ["弋江区南瑞社区卫生服务中心", "LEVEL_1", "PRIMARY", "弋江区", 30],
      ["南陵县籍山镇卫生院", "LEVEL_1", "PRIMARY", "南陵县", 60],
      ["无为市无城镇卫生院", "LEVEL_1", "PRIMARY", "无为市", 50],
      ["繁昌区孙村镇卫生院", "LEVEL_1", "PRIMARY", "繁昌区", 40],
      ["湾沚区六郎镇卫生院", "LEVEL_1", "PRIMARY", "湾沚区", 45],
      ["芜湖安康精神专科医院", "UNRATED", "SPECIALTY", "鸠江区", 260],
      ["芜湖德济康复医院", "UNRATED", "OTHER", "弋江区", 120],
      ["芜湖光明眼科医院", "UNRATED", "SPECIALTY", "镜湖区", 60],
    ],
  },
  {
    code: "340826",
    name: "宿松县",
    level: "COUNTY",
    scale: 1,
    institutions: [
      ["宿松县人民医院", "LEVEL_2", "GENERAL", "孚玉镇", 900],
      ["宿松县中医院", "LEVEL_2", "TCM", "孚玉镇", 400],
      ["宿松县妇幼保健院", "LEVEL_2", "SPECIALTY", "孚玉镇", 150],
      ["宿松县复兴镇中心卫生院", "LEVEL_1", "PRIMARY", "复兴镇", 60],
      ["宿松县许岭镇卫生院", "LEVEL_1", "PRIMARY", "许岭镇", 40],
      ["宿松县程岭乡卫生院", "LEVEL_1", "PRIMARY", "程岭乡", 30],
      ["宿松县汇口镇卫生院", "LEVEL_1", "PRIMARY", "汇口镇", 45],
      ["宿松县二郎镇卫生院", "LEVEL_1", "PRIMARY", "二郎镇", 40],
      ["宿松县华阳河医院", "UNRATED", "OTHER", "华阳河", 80],
      ["宿松县精神病医院", "UNRATED", "SPECIALTY", "孚玉镇", 200],
    ],
  },
];

/** The demo code of a region's i-th institution (0-based): H + region code + 5 digits, e.g. H34010000001. */
export const demoInstitutionCode = (regionCode: string, index: number) => `H${regionCode}${String(index + 1).padStart(5, "0")}`;

/** A demo region's institutions with their codes, in the order they are created. */
export const demoInstitutionsOf = (region: (typeof DEMO_REGIONS)[number]) =>
  region.institutions.map(([name, level, type, district, beds], i) => ({
    code: demoInstitutionCode(region.code, i),
    name,
    level,
    type,
    district,
    beds,
  }));

/**
 * The region whose latest month is left without a sheet, so that a newcomer signing in as hf_entry can do
 * that month's upload (and hf_reviewer its review) themselves.
 */
export const DEMO_UPLOAD_REGION = "340100";

/** All demo accounts share one password; it exists only in demo mode. */
export const DEMO_PASSWORD = "Liangdi@2026";

export const DEMO_USERS: {
  username: string;
  displayName: string;
  roles: Role[];
  scope?: { region?: string; institutionOf?: string; province?: boolean };
  /** A further account of a role already shown: not listed on the login page or in the start-up banner. */
  secondary?: true;
}[] = [
  { username: "sysadmin", displayName: "王建国", roles: ["SYSTEM_ADMIN"] },
  { username: "secadmin", displayName: "李安", roles: ["SECURITY_ADMIN"] },
  { username: "auditor", displayName: "赵审", roles: ["AUDIT_ADMIN"] },
  { username: "hf_entry", displayName: "陈晓燕", roles: ["DATA_ENTRY"], scope: { region: "340100" } },
  { username: "hf_reviewer", displayName: "刘明", roles: ["DATA_REVIEWER"], scope: { region: "340100" } },
  { username: "hf_publisher", displayName: "张伟", roles: ["PUBLISHER"], scope: { region: "340100" } },
  { username: "ah_supervisor", displayName: "孙立", roles: ["SUPERVISOR"], scope: { province: true } },
  { username: "hf_hospital", displayName: "周敏", roles: ["HOSPITAL_VIEWER"], scope: { institutionOf: "合肥市第一人民医院" } },
  // The other regions' data groups, who uploaded and accepted those regions' demo sheets.
  { username: "wh_entry", displayName: "吴静", roles: ["DATA_ENTRY"], scope: { region: "340200" }, secondary: true },
  { username: "wh_reviewer", displayName: "黄磊", roles: ["DATA_REVIEWER"], scope: { region: "340200" }, secondary: true },
  { username: "ss_entry", displayName: "方芳", roles: ["DATA_ENTRY"], scope: { region: "340826" }, secondary: true },
  { username: "ss_reviewer", displayName: "石勇", roles: ["DATA_REVIEWER"], scope: { region: "340826" }, secondary: true },
  // Hospitals' second contacts (次要联系人) and another region's hospital: receipts count any user of an institution.
  {
    username: "hf_hospital2",
    displayName: "钱丽",
    roles: ["HOSPITAL_VIEWER"],
    scope: { institutionOf: "合肥市第一人民医院" },
    secondary: true,
  },
  {
    username: "wh_hospital",
    displayName: "郑涛",
    roles: ["HOSPITAL_VIEWER"],
    scope: { institutionOf: "芜湖市第一人民医院" },
    secondary: true,
  },
];

/** The accounts to show on the login page and in the start-up banner: one per role. */
export const DEMO_LOGIN_HINTS = DEMO_USERS.filter((u) => !u.secondary);
