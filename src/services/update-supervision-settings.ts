// The bureau sets its county's colour rules and 考核 weights. Versioned (0 = never saved); audited.
import type { Database } from '../db/client.ts';
import { validateWeights, type AssessmentWeights } from '../domain/supervision/assessment.ts';
import { validateColourRules, type ColourRules } from '../domain/supervision/colours.ts';
import { appendAudit } from '../repositories/audit.ts';
import { saveSettingsIfVersion } from '../repositories/supervision.ts';
import { auditActor, type Access } from './auth/access.ts';
import { ValidationError, VersionConflictError } from './errors.ts';
import { settingsFor, type SupervisionSettings } from './get-supervision-settings.ts';
import { countyOfAccess } from './task-access.ts';

export interface UpdateSettingsInput {
  countyId?: string | undefined;
  version: number;
  colourRules?: ColourRules | undefined;
  assessmentWeights?: AssessmentWeights | undefined;
}

export async function updateSupervisionSettings(db: Database, access: Access, input: UpdateSettingsInput): Promise<SupervisionSettings> {
  const countyId = await countyOfAccess(db, access, input.countyId);
  return db.transaction(async (tx) => {
    const before = await settingsFor(tx, countyId);
    if (before.version !== input.version) throw new VersionConflictError('supervision_settings', before);
    const colourRules = input.colourRules ?? before.colourRules;
    const assessmentWeights = input.assessmentWeights ?? before.assessmentWeights;
    const problems = [...validateColourRules(colourRules), ...validateWeights(assessmentWeights)];
    if (problems.length > 0) throw new ValidationError(problems.join('；'), problems.map((message) => ({ path: '/', message })));
    const saved = await saveSettingsIfVersion(tx, countyId, input.version, { colourRules, assessmentWeights });
    if (!saved) throw new VersionConflictError('supervision_settings', null);
    await appendAudit(tx, {
      countyId,
      ...auditActor(access.actor),
      action: 'supervision.settings',
      entity: 'supervision_settings',
      entityId: countyId,
      before: { colourRules: before.colourRules, assessmentWeights: before.assessmentWeights },
      after: { colourRules, assessmentWeights },
    });
    return settingsFor(tx, countyId);
  });
}
