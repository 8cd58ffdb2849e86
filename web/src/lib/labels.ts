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
  'value.enter': '填报数值',
  'value.update': '修改数值',
  'value.official': '设为正式数据',
  'sample.load': '载入示例数据',
  'sample.remove': '删除示例数据',
  'county.create': '新建区县',
  'county.assign-municipality': '设置所属地市',
  'indicator.adopt-previous-settings': '沿用上一规划设置',
  'indicator.configure': '设置指标',
  'spotcheck.draw': '抽样核查',
  'spotcheck.record': '记录核查结果',
  'attachment.upload': '上传附件',
};

const ENTITIES: Record<string, string> = {
  user: '账户',
  plan: '规划',
  county: '区县',
  unit: '单位',
  plan_indicator: '规划指标',
  plan_project: '规划项目',
  report: '报表',
  indicator_value: '指标数值',
  indicator_setting: '指标设置',
  sample_data: '示例数据',
  attachment: '附件',
  value_attachment: '附件',
  spot_check: '抽样核查',
  spot_check_batch: '抽样批次',
};

export function auditEntityLabel(entity: string): string {
  return ENTITIES[entity] ?? entity;
}

export function auditActionLabel(action: string): string {
  return ACTIONS[action] ?? action;
}
