// Roles and what each may do — the ONE table the server enforces (routes declare an action, the auth plugin checks
// it before the handler runs). The web app may hide buttons with the same table, but hiding is never the control.
// Pure: no I/O, importable from every layer.

/**
 * Signed-in roles. 公众 (the public) is not a role a user can hold: it is simply "no session", and only routes
 * declared public answer it.
 */
export const ROLES = ['municipal', 'county_admin', 'county_staff', 'unit_reporter', 'enterprise'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role | 'public', string> = {
  municipal: '市科技局',
  county_admin: '县科技局管理员',
  county_staff: '县科技局业务员',
  unit_reporter: '部门/乡镇填报员',
  enterprise: '企业用户',
  public: '公众',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Roles that belong to one county; only the municipal bureau sees across counties. */
export function roleHasCounty(role: Role): boolean {
  return role !== 'municipal';
}

/**
 * action → roles allowed. County isolation is separate and always on top (a county_admin may `plan.edit`, but only
 * plans of their own county — see repositories/scope.ts). Add new actions here, then declare them on routes with
 * `config: { access: '<action>' }` or `preHandler: requirePermission('<action>')`; the access-matrix test picks
 * every route up automatically.
 */
export const PERMISSIONS = {
  /** 查看规划及其指标、项目 */
  'plan.read': ['municipal', 'county_admin', 'county_staff', 'unit_reporter', 'enterprise'],
  /** 跨区县对比（市级视图） */
  'plan.compare': ['municipal'],
  /** 导入规划文档 */
  'plan.import': ['county_admin'],
  /** 更正提取出的指标、项目 */
  'plan.edit': ['county_admin'],
  /** 维护区县归属（所属地市） */
  'county.manage': ['municipal'],
  /** 发布规则包 */
  'rulepack.publish': ['municipal'],
  /** 查看登记系统：企业库、资格证书、研发平台、科技特派员、技术合同（企业用户仅限本企业） */
  'register.read': ['municipal', 'county_admin', 'county_staff', 'enterprise'],
  /** 查看全县登记统计：梯度培育漏斗、技术合同合计、指标对接及其依据记录、服务照片（不含企业用户） */
  'register.county': ['municipal', 'county_admin', 'county_staff'],
  /** 维护登记系统：企业库及年度数据、Excel 批量导入、资格证书、平台、特派员、技术合同 */
  'register.manage': ['county_admin', 'county_staff'],
  /** 企业评价/认定预检（企业用户可对本企业自评） */
  'register.evaluate': ['county_admin', 'county_staff', 'enterprise'],
  /** 将指标绑定到登记规则，并把登记系统数据写入指标监测 */
  'register.bind': ['county_admin', 'county_staff'],
  /** 审核、督办 */
  'task.supervise': ['county_admin', 'county_staff'],
  /** 查看、导出审计日志 */
  'audit.read': ['municipal', 'county_admin'],
  /** 查看账户列表 */
  'user.read': ['municipal', 'county_admin'],
  /** 创建账户、重置密码（县管理员仅限本县、且不能创建市级账户） */
  'user.manage': ['municipal', 'county_admin'],
  /** 查看部门/乡镇 */
  'unit.read': ['municipal', 'county_admin', 'county_staff', 'unit_reporter'],
  /** 维护部门/乡镇 */
  'unit.manage': ['county_admin'],
  /** 查看指标监测（进度、序列、待报清单） */
  'monitoring.read': ['municipal', 'county_admin', 'county_staff', 'unit_reporter'],
  /** 填报指标数值（填报员仅限本单位负责的指标）、上传附件 */
  'value.enter': ['county_admin', 'county_staff', 'unit_reporter'],
  /** 提交报表 */
  'value.submit': ['county_admin', 'county_staff', 'unit_reporter'],
  /** 审核（通过/退回）、录入统计局/登记系统数据、选定正式数据来源 */
  'value.review': ['county_admin', 'county_staff'],
  /** 重新打开已通过的报表（须说明原因） */
  'value.reopen': ['county_admin'],
  /** 抽样核查：抽取与记录结果 */
  'value.spotcheck': ['municipal', 'county_admin', 'county_staff'],
  /** 设置指标：责任单位、报送频率与期限、指标类型与容差 */
  'indicator.configure': ['county_admin'],
  /** 查看任务、项目台账、督办单（填报员仅限本单位参与的） */
  'task.read': ['municipal', 'county_admin', 'county_staff', 'unit_reporter'],
  /** 分解任务：采纳/合并/舍弃候选任务，新增、修改任务与节点，维护项目台账 */
  'task.manage': ['county_admin', 'county_staff'],
  /** 报送任务进展、上传佐证、填写节点完成情况（填报员仅限本单位） */
  'task.report': ['county_admin', 'county_staff', 'unit_reporter'],
  /** 下发督办（运行三色督办扫描）、设置督办规则与考核权重 */
  'supervision.issue': ['county_admin', 'county_staff'],
  /** 签收、反馈督办单（填报员仅限本单位） */
  'supervision.reply': ['county_admin', 'county_staff', 'unit_reporter'],
  /** 查看考核排名、导出 */
  'assessment.read': ['municipal', 'county_admin', 'county_staff'],
  /** 生成、下载评估报告（年度监测/中期评估/总结评估，Word 与 Excel 附件）；全市批量另需 plan.compare */
  'report.generate': ['municipal', 'county_admin', 'county_staff'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export function isAction(value: string): value is Action {
  return Object.hasOwn(PERMISSIONS, value);
}

/** Whether `role` may perform `action`. No session (公众) may perform no action. */
export function can(role: Role | null, action: Action): boolean {
  if (role === null) return false;
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}

/** Which roles a user of `role` may create: the municipal operator any; a county admin only their county's roles. */
export function creatableRoles(role: Role): readonly Role[] {
  switch (role) {
    case 'municipal':
      return ROLES;
    case 'county_admin':
      return ['county_admin', 'county_staff', 'unit_reporter', 'enterprise'];
    default:
      return [];
  }
}
