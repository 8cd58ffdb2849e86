import type { Database } from '../db/client.ts';
import type { CandidateState } from '../db/schema/index.ts';
import type { CandidateKind, OutlinePlace } from '../domain/tasks/candidates.ts';
import { findPlanSummary } from '../repositories/plans.ts';
import { listCandidates, type CandidateRow } from '../repositories/tasks.ts';
import type { Access } from './auth/access.ts';
import { NotFoundError } from './errors.ts';

export interface CandidateView {
  id: string;
  planId: string;
  ordinal: number;
  kind: CandidateKind;
  title: string | null;
  text: string;
  outline: OutlinePlace[];
  line: number | null;
  box: { number: number; title: string; item: number } | null;
  state: CandidateState;
  taskId: string | null;
  note: string | null;
  version: number;
}

export function candidateView(row: CandidateRow): CandidateView {
  return {
    id: row.id,
    planId: row.planId,
    ordinal: row.ordinal,
    kind: row.kind,
    title: row.title,
    text: row.text,
    outline: row.outline,
    line: row.line,
    box:
      row.boxNumber === null || row.boxTitle === null || row.boxItem === null
        ? null
        : { number: row.boxNumber, title: row.boxTitle, item: row.boxItem },
    state: row.state,
    taskId: row.taskId,
    note: row.note,
    version: row.version,
  };
}

export async function listTaskCandidates(db: Database, access: Access, planId: string, state?: CandidateState): Promise<CandidateView[]> {
  if (!(await findPlanSummary(db, access.scope, planId))) throw new NotFoundError('plan', planId, '规划不存在 / plan not found');
  return (await listCandidates(db, access.scope, planId, state)).map(candidateView);
}
