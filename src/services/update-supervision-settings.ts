// The bureau sets its county's colour rules, 考核 weights and task report cadence. Versioned (0 = never saved);
// audited with what changed before and after.
import type { Database } from '../db/client.ts';
import { isTaskReportFrequency, validateWeights, type AssessmentWeights, type TaskReportFrequency } from '../domain/supervision/assessment.ts';
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
  taskReportFrequency?: TaskReportFrequency | undefined;
}

export async function updateSupervisionSettings(db: Database, access: Access, input: UpdateSettingsInput): Promise<SupervisionSettings> {
  const countyId = await countyOfAccess(db, access, input.countyId);
  return db.transaction(async (tx) => {
    const before = await settingsFor(tx, countyId);
    if (before.version !== input.version) throw new VersionConflictError('supervision_settings', before);
    const colourRules = input.colourRules ?? before.colourRules;
    const assessmentWeights = input.assessmentWeights ?? before.assessmentWeights;
    const taskReportFrequency = input.taskReportFrequency ?? before.taskReportFrequency;
    const problems = [...validateColourRules(colourRules), ...validateWeights(assessmentWeights)];
    // The HTTP contract already holds it to the enum; the CLI and other callers reach here without it.
    if (!isTaskReportFrequency(taskReportFrequency)) problems.push('任务进展报送频次须为月报、季报、半年报或年报 / unknown task report frequency');
    if (problems.length > 0) throw new ValidationError(problems.join('；'), problems.map((message) => ({ path: '/', message })));
    const saved = await saveSettingsIfVersion(tx, countyId, input.version, { colourRules, assessmentWeights, taskReportFrequency });
    if (!saved) throw new VersionConflictError('supervision_settings', null);
    await appendAudit(tx, {
      countyId,
      ...auditActor(access.actor),
      action: 'supervision.settings',
      entity: 'supervision_settings',
      entityId: countyId,
      before: { colourRules: before.colourRules, assessmentWeights: before.assessmentWeights, taskReportFrequency: before.taskReportFrequency },
      after: { colourRules, assessmentWeights, taskReportFrequency },
    });
    return settingsFor(tx, countyId);
  });
}
