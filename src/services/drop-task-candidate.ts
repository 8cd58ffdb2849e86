// Drops a candidate (with a reason, so the next clerk knows why), or puts a dropped one back to 'proposed'.
import type { Database } from '../db/client.ts';
import { appendAudit } from '../repositories/audit.ts';
import { findCandidates, reopenCandidate, settleCandidates } from '../repositories/tasks.ts';
import { auditActor, type Access } from './auth/access.ts';
import { ConflictError, NotFoundError, ValidationError, VersionConflictError } from './errors.ts';
import { candidateView, type CandidateView } from './list-task-candidates.ts';

export async function dropTaskCandidate(db: Database, access: Access, candidateId: string, note: string): Promise<CandidateView> {
  const reason = note.trim();
  if (reason === '') throw new ValidationError('请填写不采纳的理由 / a reason is required', [{ path: '/note', message: '不能为空 / required' }]);
  return db.transaction(async (tx) => {
    const [candidate] = await findCandidates(tx, access.scope, [candidateId]);
    if (!candidate) throw new NotFoundError('task_candidate', candidateId, '候选任务不存在 / candidate not found');
    const moved = await settleCandidates(tx, candidate.countyId, [candidateId], { state: 'dropped', taskId: null, note: reason });
    if (moved.length === 0) throw new ConflictError('候选任务已处理过 / candidate already decided');
    await appendAudit(tx, {
      countyId: candidate.countyId,
      ...auditActor(access.actor),
      action: 'task.candidates.drop',
      entity: 'task_candidate',
      entityId: candidateId,
      before: { state: candidate.state },
      after: { state: 'dropped', note: reason },
    });
    const [after] = await findCandidates(tx, access.scope, [candidateId]);
    if (!after) throw new Error('candidate vanished');
    return candidateView(after);
  });
}

export async function restoreTaskCandidate(db: Database, access: Access, candidateId: string, version: number): Promise<CandidateView> {
  return db.transaction(async (tx) => {
    const [candidate] = await findCandidates(tx, access.scope, [candidateId]);
    if (!candidate) throw new NotFoundError('task_candidate', candidateId, '候选任务不存在 / candidate not found');
    if (candidate.state !== 'dropped') throw new ConflictError('只有已舍弃的候选任务可以恢复 / only dropped candidates can be restored');
    const after = await reopenCandidate(tx, candidate.countyId, candidateId, version);
    if (!after) throw new VersionConflictError('task_candidate', candidateView(candidate));
    await appendAudit(tx, {
      countyId: candidate.countyId,
      ...auditActor(access.actor),
      action: 'task.candidates.restore',
      entity: 'task_candidate',
      entityId: candidateId,
      before: { state: 'dropped', note: candidate.note },
      after: { state: 'proposed' },
    });
    return candidateView(after);
  });
}
