// 市科技局 publishes a rule-pack version: a new 文号, or a changed [U] parameter. Parameters are checked against the
// kind's schema (and the kind's own rules, e.g. weights adding to 100); the previous open-ended version of the kind
// is closed the day before the new one starts, so exactly one pack is in force on any day. Audited.
import type { Database } from '../../db/client.ts';
import { RULE_PACK_PARAM_SCHEMAS } from '../../contracts/registers.ts';
import { assessmentParamProblems } from '../../domain/registers/commissioners.ts';
import { addDays } from '../../domain/registers/dates.ts';
import { rulePackDateProblems, type RulePackKind } from '../../domain/registers/rule-packs.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { closeRulePack, findRulePack, insertRulePack, listRulePacks, type RulePackRecord } from '../../repositories/rule-packs.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { ConflictError, ValidationError } from '../errors.ts';
import { requireAction } from './guards.ts';
import { ensureBuiltinRulePacks } from './rule-pack-store.ts';

export interface PublishRulePackInput {
  kind: RulePackKind;
  version: string;
  title: string;
  docNumber: string;
  sourceUrl: string;
  effectiveFrom: string;
  effectiveTo?: string | null | undefined;
  reliability: string;
  params: unknown;
}

export async function publishRulePack(db: Database, access: Access, input: PublishRulePackInput): Promise<RulePackRecord> {
  requireAction(access, 'rulepack.publish');
  await ensureBuiltinRulePacks(db);
  const parsed = RULE_PACK_PARAM_SCHEMAS[input.kind].safeParse(input.params);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: `/params/${i.path.join('/')}`, message: i.message }));
    throw new ValidationError(`规则包参数不符合“${input.kind}”的格式 / invalid parameters`, details);
  }
  const problems = [
    ...rulePackDateProblems({ effectiveFrom: input.effectiveFrom, effectiveTo: input.effectiveTo ?? null }),
    ...(input.kind === 'commissioner-assessment' && parsed.data && typeof parsed.data === 'object' && 'components' in parsed.data
      ? assessmentParamProblems(parsed.data as Parameters<typeof assessmentParamProblems>[0])
      : []),
  ];
  if (problems.length > 0) throw new ValidationError(problems.join('；'), problems.map((message) => ({ path: '/params', message })));

  return db.transaction(async (tx) => {
    const existing = await listRulePacks(tx, input.kind);
    const later = existing.find((p) => p.effectiveFrom >= input.effectiveFrom);
    if (later) {
      throw new ValidationError(`已有生效日期不早于 ${input.effectiveFrom} 的版本“${later.version}”，新版本须晚于现行版本生效 / must start after ${later.effectiveFrom}`);
    }
    const id = await insertRulePack(tx, {
      kind: input.kind,
      version: input.version,
      title: input.title,
      docNumber: input.docNumber,
      sourceUrl: input.sourceUrl,
      effectiveFrom: input.effectiveFrom,
      effectiveTo: input.effectiveTo ?? null,
      reliability: input.reliability,
      params: parsed.data,
      builtin: false,
      publishedBy: access.actor.name,
    });
    if (!id) throw new ConflictError(`规则包版本“${input.version}”已存在 / version exists`);
    const closeOn = addDays(input.effectiveFrom, -1);
    for (const open of existing.filter((p) => p.effectiveTo === null || p.effectiveTo >= input.effectiveFrom)) {
      await closeRulePack(tx, open.id, closeOn);
      await appendAudit(tx, { countyId: null, ...auditActor(access.actor), action: 'rulepack.close', entity: 'rule_pack', entityId: open.id, before: { effectiveTo: open.effectiveTo }, after: { effectiveTo: closeOn } });
    }
    await appendAudit(tx, {
      countyId: null,
      ...auditActor(access.actor),
      action: 'rulepack.publish',
      entity: 'rule_pack',
      entityId: id,
      after: { kind: input.kind, version: input.version, docNumber: input.docNumber, effectiveFrom: input.effectiveFrom, params: parsed.data },
    });
    const stored = await findRulePack(tx, id);
    if (!stored) throw new Error('published rule pack not found');
    return stored;
  });
}
