// Chinese names for the audit log's action codes; unknown codes are shown as they are.
const ACTIONS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.login-failed': '登录失败',
  'auth.lockout': '账户锁定',
  'auth.login-refused-locked': '锁定期间尝试登录',
  'auth.password-changed': '修改密码',
  'auth.password-reset': '重置密码',
  'user.create': '创建账户',
  'unit.create': '新增单位',
  'plan.import': '导入规划',
  'indicator.update': '更正指标',
  'project.update': '更正项目',
  'report.enter': '填报数值',
  'report.submit': '提交报表',
  'report.return': '退回报表',
  'report.approve': '审核通过',
  'report.reopen': '重新打开报表',
  'report.upload': '上传 Excel 报表',
  'value.enter': '录入数值',
  'value.update': '修改数值',
  'value.official': '设为正式数据',
};

export function auditActionLabel(action: string): string {
  return ACTIONS[action] ?? action;
}
