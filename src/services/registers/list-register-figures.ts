// The records behind each 登记系统 figure of an indicator (latest computation per year) — what monitoring shows
// beside the value so the bureau can see which enterprises, platforms or contracts were counted.
import type { Database } from '../../db/client.ts';
import { findIndicatorForBinding, listLatestFigures, type FigureRecord } from '../../repositories/register-bindings.ts';
import type { Access } from '../auth/access.ts';
import { NotFoundError } from '../errors.ts';
import { requireAction } from './guards.ts';

export async function listRegisterFigures(db: Database, access: Access, indicatorId: string): Promise<FigureRecord[]> {
  requireAction(access, 'register.county');
  // Another county's indicator answers like a missing one (not an empty list): ids cannot be probed.
  if (!(await findIndicatorForBinding(db, access.scope, indicatorId))) {
    throw new NotFoundError('plan_indicator', indicatorId, '指标不存在 / indicator not found');
  }
  return listLatestFigures(db, access.scope, indicatorId);
}
