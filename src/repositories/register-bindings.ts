// Register → indicator bindings and the figures they produced. Scoped reads; one binding per indicator.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { planIndicators, plans, registerBindings, registerFigures } from '../db/schema/index.ts';
import type { BindingParams, RegisterRecordRef, RegisterRule } from '../domain/registers/indicator-binding.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export interface BindingRecord {
  id: string;
  countyId: string;
  indicatorId: string;
  indicatorName: string;
  indicatorUnit: string | null;
  planId: string;
  planTitle: string;
  rule: RegisterRule;
  params: BindingParams;
  version: number;
}

const columns = {
  id: registerBindings.id,
  countyId: registerBindings.countyId,
  indicatorId: registerBindings.indicatorId,
  indicatorName: planIndicators.name,
  indicatorUnit: planIndicators.unit,
  planId: plans.id,
  planTitle: plans.title,
  rule: registerBindings.rule,
  params: registerBindings.params,
  version: registerBindings.version,
};

function select(exec: Executor) {
  return exec
    .select(columns)
    .from(registerBindings)
    .innerJoin(planIndicators, and(eq(planIndicators.id, registerBindings.indicatorId), eq(planIndicators.countyId, registerBindings.countyId)))
    .innerJoin(plans, and(eq(plans.id, planIndicators.planId), eq(plans.countyId, planIndicators.countyId)));
}

export async function listBindings(exec: Executor, scope: TenantScope): Promise<BindingRecord[]> {
  return select(exec).where(countyFilter(registerBindings.countyId, scope)).orderBy(asc(plans.title), asc(planIndicators.ordinal));
}

export async function findBinding(exec: Executor, scope: TenantScope, id: string): Promise<BindingRecord | null> {
  const rows = await select(exec).where(and(eq(registerBindings.id, id), countyFilter(registerBindings.countyId, scope)));
  return rows[0] ?? null;
}

export async function findBindingOfIndicator(exec: Executor, scope: TenantScope, indicatorId: string): Promise<BindingRecord | null> {
  const rows = await select(exec).where(and(eq(registerBindings.indicatorId, indicatorId), countyFilter(registerBindings.countyId, scope)));
  return rows[0] ?? null;
}

/** The indicator (with its plan) inside the scope, for binding. */
export async function findIndicatorForBinding(exec: Executor, scope: TenantScope, indicatorId: string) {
  const rows = await exec
    .select({ id: planIndicators.id, countyId: planIndicators.countyId, name: planIndicators.name, unit: planIndicators.unit, planId: plans.id, planTitle: plans.title })
    .from(planIndicators)
    .innerJoin(plans, and(eq(plans.id, planIndicators.planId), eq(plans.countyId, planIndicators.countyId)))
    .where(and(eq(planIndicators.id, indicatorId), countyFilter(planIndicators.countyId, scope)));
  return rows[0] ?? null;
}

export async function insertBinding(
  exec: Executor,
  input: { countyId: string; indicatorId: string; rule: RegisterRule; params: BindingParams },
): Promise<string | null> {
  const rows = await exec
    .insert(registerBindings)
    .values({ id: randomUUID(), ...input })
    .onConflictDoNothing({ target: [registerBindings.countyId, registerBindings.indicatorId] })
    .returning({ id: registerBindings.id });
  return rows[0]?.id ?? null;
}

export async function updateBindingIfVersion(
  exec: Executor,
  key: { id: string; countyId: string; version: number },
  values: { rule: RegisterRule; params: BindingParams },
): Promise<boolean> {
  const rows = await exec
    .update(registerBindings)
    .set({ ...values, version: sql`${registerBindings.version} + 1` })
    .where(and(eq(registerBindings.id, key.id), eq(registerBindings.countyId, key.countyId), eq(registerBindings.version, key.version)))
    .returning({ id: registerBindings.id });
  return rows.length > 0;
}

export interface FigureRecord {
  id: string;
  bindingId: string;
  indicatorId: string;
  year: number;
  value: number;
  indicatorValue: number;
  unit: string;
  description: string;
  records: RegisterRecordRef[];
  valueId: string | null;
  computedBy: string;
  createdAt: string;
}

export async function insertFigure(exec: Executor, input: Omit<FigureRecord, 'id' | 'createdAt'> & { countyId: string }): Promise<string> {
  const id = randomUUID();
  await exec.insert(registerFigures).values({ id, ...input });
  return id;
}

/** The latest computed figure per year of an indicator (the one whose records stand behind the monitoring value). */
export async function listLatestFigures(exec: Executor, scope: TenantScope, indicatorId: string): Promise<FigureRecord[]> {
  const rows = await exec
    .select()
    .from(registerFigures)
    .where(and(eq(registerFigures.indicatorId, indicatorId), countyFilter(registerFigures.countyId, scope)))
    .orderBy(asc(registerFigures.year), desc(registerFigures.createdAt));
  const latest = new Map<number, FigureRecord>();
  for (const r of rows) {
    if (latest.has(r.year)) continue;
    latest.set(r.year, {
      id: r.id,
      bindingId: r.bindingId,
      indicatorId: r.indicatorId,
      year: r.year,
      value: r.value,
      indicatorValue: r.indicatorValue,
      unit: r.unit,
      description: r.description,
      records: r.records,
      valueId: r.valueId,
      computedBy: r.computedBy,
      createdAt: r.createdAt.toISOString(),
    });
  }
  return [...latest.values()];
}

/** Every plan indicator of the scope (for the binding screen), with its plan. */
export async function listIndicatorsForBinding(exec: Executor, scope: TenantScope) {
  return exec
    .select({ id: planIndicators.id, countyId: planIndicators.countyId, name: planIndicators.name, unit: planIndicators.unit, planId: plans.id, planTitle: plans.title })
    .from(planIndicators)
    .innerJoin(plans, and(eq(plans.id, planIndicators.planId), eq(plans.countyId, planIndicators.countyId)))
    .where(countyFilter(planIndicators.countyId, scope))
    .orderBy(asc(plans.title), asc(planIndicators.ordinal));
}

/** The bindings of one plan's indicators, in plan order. */
export async function listBindingsOfPlan(exec: Executor, scope: TenantScope, planId: string): Promise<BindingRecord[]> {
  return select(exec)
    .where(and(eq(plans.id, planId), countyFilter(registerBindings.countyId, scope)))
    .orderBy(asc(planIndicators.ordinal));
}
