// Stored evaluations: append-only history (a re-evaluation is a new row), always read inside the county scope.
import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { enterpriseEvaluations } from '../db/schema/index.ts';
import type { EvaluationKind, EvaluationResult } from '../domain/registers/evaluation.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export interface EvaluationRecord {
  id: string;
  countyId: string;
  enterpriseId: string;
  kind: EvaluationKind;
  year: number;
  evaluatedOn: string;
  rulePackId: string;
  rulePackVersion: string;
  inputs: unknown;
  result: EvaluationResult;
  actor: string;
  createdAt: string;
}

export interface NewEvaluation {
  countyId: string;
  enterpriseId: string;
  kind: EvaluationKind;
  year: number;
  evaluatedOn: string;
  rulePackId: string;
  rulePackVersion: string;
  inputs: unknown;
  result: EvaluationResult;
  actor: string;
}

export async function insertEvaluation(exec: Executor, input: NewEvaluation): Promise<string> {
  const id = randomUUID();
  await exec.insert(enterpriseEvaluations).values({
    id,
    ...input,
    outcome: input.result.outcome,
    scoreMin: input.result.total?.min ?? null,
    scoreMax: input.result.total?.max ?? null,
  });
  return id;
}

function toRecord(row: typeof enterpriseEvaluations.$inferSelect): EvaluationRecord {
  return {
    id: row.id,
    countyId: row.countyId,
    enterpriseId: row.enterpriseId,
    kind: row.kind,
    year: row.year,
    evaluatedOn: row.evaluatedOn,
    rulePackId: row.rulePackId,
    rulePackVersion: row.rulePackVersion,
    inputs: row.inputs,
    result: row.result,
    actor: row.actor,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listEvaluations(exec: Executor, scope: TenantScope, enterpriseId: string): Promise<EvaluationRecord[]> {
  const rows = await exec
    .select()
    .from(enterpriseEvaluations)
    .where(and(eq(enterpriseEvaluations.enterpriseId, enterpriseId), countyFilter(enterpriseEvaluations.countyId, scope)))
    .orderBy(desc(enterpriseEvaluations.createdAt), desc(enterpriseEvaluations.id));
  return rows.map(toRecord);
}

export async function findEvaluation(exec: Executor, scope: TenantScope, id: string): Promise<EvaluationRecord | null> {
  const rows = await exec
    .select()
    .from(enterpriseEvaluations)
    .where(and(eq(enterpriseEvaluations.id, id), countyFilter(enterpriseEvaluations.countyId, scope)));
  const row = rows[0];
  return row ? toRecord(row) : null;
}
