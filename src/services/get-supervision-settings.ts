// The county's colour rules, 考核 weights and task report cadence: the stored row, or the defaults (version 0 = never
// saved).
import type { Executor } from '../db/client.ts';
import {
  DEFAULT_ASSESSMENT_WEIGHTS,
  DEFAULT_TASK_REPORT_FREQUENCY,
  isTaskReportFrequency,
  type AssessmentWeights,
  type TaskReportFrequency,
} from '../domain/supervision/assessment.ts';
import { DEFAULT_COLOUR_RULES, type ColourRules } from '../domain/supervision/colours.ts';
import { findSettings } from '../repositories/supervision.ts';
import type { Access } from './auth/access.ts';
import { countyOfAccess } from './task-access.ts';

export interface SupervisionSettings {
  countyId: string;
  colourRules: ColourRules;
  assessmentWeights: AssessmentWeights;
  /** How often units taking part in a task report its progress (月报 / 季报 / 半年报 / 年报). */
  taskReportFrequency: TaskReportFrequency;
  version: number;
}

export async function settingsFor(exec: Executor, countyId: string): Promise<SupervisionSettings> {
  const row = await findSettings(exec, countyId);
  if (!row) {
    return { countyId, colourRules: DEFAULT_COLOUR_RULES, assessmentWeights: DEFAULT_ASSESSMENT_WEIGHTS, taskReportFrequency: DEFAULT_TASK_REPORT_FREQUENCY, version: 0 };
  }
  // Rules saved before a field existed take that field's default.
  return {
    countyId,
    colourRules: {
      ...DEFAULT_COLOUR_RULES,
      ...row.colourRules,
      replyWithinWorkingDays: { ...DEFAULT_COLOUR_RULES.replyWithinWorkingDays, ...row.colourRules.replyWithinWorkingDays },
    },
    assessmentWeights: { ...DEFAULT_ASSESSMENT_WEIGHTS, ...row.assessmentWeights },
    // The column's CHECK holds it to the four cadences; the guard only narrows the type.
    taskReportFrequency: isTaskReportFrequency(row.taskReportFrequency) ? row.taskReportFrequency : DEFAULT_TASK_REPORT_FREQUENCY,
    version: row.version,
  };
}

export async function getSupervisionSettings(db: Executor, access: Access, countyId?: string): Promise<SupervisionSettings> {
  return settingsFor(db, await countyOfAccess(db, access, countyId));
}
