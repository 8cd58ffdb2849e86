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
  /** 发布规则包 */
  'rulepack.publish': ['municipal'],
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
