// The editable fields of a task and their checks, shared by create, accept-candidates and update: units must be
// units of the task's county, indicators indicators of its plans, the deadline not before the start.
import type { Executor } from '../db/client.ts';
import { isIsoDate } from '../domain/supervision/calendar.ts';
import { countyScope } from '../repositories/scope.ts';
import { indicatorIdsOfCounty } from '../repositories/tasks.ts';
import { listUnits } from '../repositories/units.ts';
import { ValidationError } from './errors.ts';

export interface TaskFields {
  title?: string | undefined;
  description?: string | undefined;
  leadUnitId?: string | null | undefined;
  responsibleUnitIds?: string[] | undefined;
  supervisingUnitId?: string | null | undefined;
  startOn?: string | undefined;
  deadline?: string | null | undefined;
  indicatorIds?: string[] | undefined;
}

export async function checkTaskFields(exec: Executor, countyId: string, fields: TaskFields, startOn: string, deadline: string | null): Promise<void> {
  const problems: { path: string; message: string }[] = [];
  if (fields.title !== undefined && fields.title.trim() === '') problems.push({ path: '/title', message: '任务名称不能为空 / title required' });
  for (const [path, value] of [['/startOn', startOn], ['/deadline', deadline]] as const) {
    if (value !== null && !isIsoDate(value)) problems.push({ path, message: '日期格式应为 YYYY-MM-DD / invalid date' });
  }
  if (deadline !== null && isIsoDate(deadline) && isIsoDate(startOn) && deadline < startOn) {
    problems.push({ path: '/deadline', message: '完成期限不能早于开始日期 / deadline before start' });
  }
  const unitIds = [fields.leadUnitId, fields.supervisingUnitId, ...(fields.responsibleUnitIds ?? [])].filter(
    (id): id is string => typeof id === 'string',
  );
  if (unitIds.length > 0) {
    const known = new Set((await listUnits(exec, countyScope(countyId))).map((u) => u.id));
    const unknown = unitIds.filter((id) => !known.has(id));
    if (unknown.length > 0) problems.push({ path: '/units', message: `单位不存在或不属于本县：${unknown.join('、')} / unknown unit` });
  }
  if (fields.indicatorIds && fields.indicatorIds.length > 0) {
    const known = new Set(await indicatorIdsOfCounty(exec, countyId, fields.indicatorIds));
    const unknown = fields.indicatorIds.filter((id) => !known.has(id));
    if (unknown.length > 0) problems.push({ path: '/indicatorIds', message: `指标不存在或不属于本县：${unknown.join('、')} / unknown indicator` });
  }
  if (problems.length > 0) throw new ValidationError(problems.map((p) => p.message).join('；'), problems);
}
