/** UI copy shared by several screens (Chinese first; identifiers stay English). */
export const APP_NAME = "亮底";
export const APP_FULL_NAME = "亮底 · 医保数据发布平台";
/** The 亮底 mark: a sun risen over a base line and the ledger's rows (public/brand/liangdi-mark.svg). */
export const BRAND_MARK = "/brand/liangdi-mark.svg";
export const APP_SLOGAN = "医保数据工作组 · 月推送 · 季发布 · 专题分析";

export const NAV_LABELS = {
  home: "首页",
  admin: "系统概览",
  regions: "统筹区管理",
  institutions: "医疗机构管理",
  users: "用户管理",
  catalogue: "指标目录",
  sheets: "月度底稿",
  metrics: "指标分析",
  publications: "数据发布",
  security: "账号安全",
  audit: "审计日志",
  workbench: "工作台",
  supervise: "监管总览",
  inbox: "本院数据",
  password: "修改密码",
} as const;
