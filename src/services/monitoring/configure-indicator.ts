// 指标设置: the responsible unit, frequency and due rule, and the bureau's overrides of the inferred target kind and
// of the tolerance ε. Version-checked like every edit.
import type { Database } from '../../db/client.ts';
import type { PeriodKind } from '../../domain/period/period.ts';
import type { TargetKind } from '../../domain/progress/target-kind.ts';
import { appendAudit } from '../../repositories/audit.ts';
import {
  findMonitoredIndicator,
  saveIndicatorSetting,
  type IndicatorSetting,
} from '../../repositories/indicator-settings.ts';
import { countyScope } from '../../repositories/scope.ts';
import { findUnit } from '../../repositories/units.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { NotFoundError, ValidationError, VersionConflictError } from '../errors.ts';
import { requireAction } from './guards.ts';

export interface ConfigureIndicatorInput {
  indicatorId: string;
  responsibleUnitId: string | null;
  frequency: PeriodKind;
  dueDays: number | null;
  targetKind: TargetKind | null;
  tolerance: number | null;
  /** The setting's version the editor saw (0 when it had none yet). */
  expectedVersion: number;
}

export async function configureIndicator(
  db: Database,
  access: Access,
  input: ConfigureIndicatorInput,
): Promise<IndicatorSetting> {
  requireAction(access, 'indicator.configure');
  const indicator = await findMonitoredIndicator(db, access.scope, input.indicatorId);
  if (!indicator) throw new NotFoundError('indicator', input.indicatorId, '指标不存在 / indicator not found');
  if (input.responsibleUnitId !== null) {
    // The unit must be of the indicator's own county (the foreign key says so too; this says it in words).
    const unit = await findUnit(db, countyScope(indicator.countyId), input.responsibleUnitId);
    if (!unit) {
      throw new ValidationError('责任单位不存在或不属于本县 / unit not found in this county', [
        { path: '/responsibleUnitId', message: '责任单位不存在 / unknown unit' },
      ]);
    }
  }
  const before = indicator.setting;
  await db.transaction(async (tx) => {
    const saved = await saveIndicatorSetting(
      tx,
      {
        indicatorId: indicator.id,
        countyId: indicator.countyId,
        responsibleUnitId: input.responsibleUnitId,
        frequency: input.frequency,
        dueDays: input.dueDays,
        targetKind: input.targetKind,
        tolerance: input.tolerance,
      },
      input.expectedVersion,
    );
    if (!saved) {
      const current = await findMonitoredIndicator(tx, countyScope(indicator.countyId), indicator.id);
      throw new VersionConflictError('indicator_setting', current?.setting ?? null);
    }
    await appendAudit(tx, {
      countyId: indicator.countyId,
      ...auditActor(access.actor),
      action: 'indicator.configure',
      entity: 'indicator_setting',
      entityId: indicator.id,
      before: settingSnapshot(before),
      after: settingSnapshot({ ...before, ...input }),
    });
  });
  const updated = await findMonitoredIndicator(db, countyScope(indicator.countyId), indicator.id);
  if (!updated) throw new Error('indicator vanished');
  return updated.setting;
}

function settingSnapshot(setting: Omit<IndicatorSetting, 'responsibleUnitName' | 'indicatorId' | 'countyId' | 'version'>) {
  return {
    responsibleUnitId: setting.responsibleUnitId,
    frequency: setting.frequency,
    dueDays: setting.dueDays,
    targetKind: setting.targetKind,
    tolerance: setting.tolerance,
  };
}
