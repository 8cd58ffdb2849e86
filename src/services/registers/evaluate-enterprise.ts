// Evaluates an enterprise under the rule pack in force on the evaluation date (科技型中小企业 / 高企预检 / 创新型 /
// 专精特新) and stores the pack version, the inputs exactly as read (figures + declarations), every sub-score and
// condition, and one failure line per failed condition. Facts the register already knows fill undeclared answers:
// a valid 高企 certificate (直接确认), the founding date (高企条件1), a valid 科技型/创新型 status (2026 专精特新).
import type { Database } from '../../db/client.ts';
import type { EvaluateRequest } from '../../contracts/registers.ts';
import { isValidOn } from '../../domain/registers/certifications.ts';
import type { EvaluationResult } from '../../domain/registers/evaluation.ts';
import { emptyFigures, type YearFigures } from '../../domain/registers/figures.ts';
import { evaluateHnte, type HnteDeclarations } from '../../domain/registers/hnte.ts';
import { evaluateInnovativeSme, type InnovativeSmeDeclarations } from '../../domain/registers/innovative-sme.ts';
import { evaluateSpecializedSme, type SpecializedSmeDeclarations } from '../../domain/registers/specialized-sme.ts';
import { evaluateTsme, type TsmeDeclarations } from '../../domain/registers/tsme.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { listCertifications } from '../../repositories/certifications.ts';
import { findEvaluation, insertEvaluation, type EvaluationRecord } from '../../repositories/enterprise-evaluations.ts';
import { listFigures } from '../../repositories/enterprises.ts';
import { countyScope } from '../../repositories/scope.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { findReachableEnterprise } from './get-enterprise.ts';
import { requireAction, today } from './guards.ts';
import { packInForce } from './rule-pack-store.ts';

export type EvaluateEnterpriseInput = EvaluateRequest & { enterpriseId: string };

export async function evaluateEnterprise(db: Database, access: Access, input: EvaluateEnterpriseInput): Promise<EvaluationRecord> {
  requireAction(access, 'register.evaluate');
  const enterprise = await findReachableEnterprise(db, access, input.enterpriseId);
  const evaluatedOn = input.evaluatedOn ?? today();
  const scope = countyScope(enterprise.countyId);
  const [figures, certs] = await Promise.all([
    listFigures(db, enterprise.countyId, enterprise.id),
    listCertifications(db, scope, { enterpriseIds: [enterprise.id] }),
  ]);
  const series: YearFigures[] = figures.map(({ id: _i, enterpriseId: _e, version: _v, updatedBy: _u, updatedAt: _a, ...f }) => f);
  const holds = (kinds: readonly string[]) => certs.some((c) => kinds.includes(c.kind) && isValidOn(c, evaluatedOn));
  const pick = (years: number[]) => series.filter((f) => years.includes(f.year));

  let packId: string;
  let packVersion: string;
  let inputs: unknown;
  let result: EvaluationResult;
  switch (input.kind) {
    case 'tsme': {
      const { id, pack } = await packInForce(db, db, 'tsme', evaluatedOn);
      const d = input.declarations;
      const declarations: TsmeDeclarations = {
        residentEnterprise: d.residentEnterprise ?? null,
        auditCollection: d.auditCollection ?? null,
        productsPermitted: d.productsPermitted ?? null,
        cleanRecord: d.cleanRecord ?? null,
        validHnteCertificate: d.validHnteCertificate ?? (holds(['高新技术企业']) ? true : null),
        nationalAwardTop3: d.nationalAwardTop3 ?? null,
        provincialRdInstitution: d.provincialRdInstitution ?? null,
        ledStandard: d.ledStandard ?? null,
        rdMeasure: d.rdMeasure ?? 'best',
      };
      const year = pick([input.year])[0] ?? emptyFigures(input.year);
      const industry = input.industry === undefined ? enterprise.industry : input.industry;
      inputs = { year: input.year, figures: year, industry, declarations };
      result = evaluateTsme({ figures: year, industry, declarations }, pack.params);
      [packId, packVersion] = [id, pack.version];
      break;
    }
    case 'hnte': {
      const { id, pack } = await packInForce(db, db, 'hnte', evaluatedOn);
      const d = input.declarations;
      const declarations: HnteDeclarations = {
        registeredOn: d.registeredOn === undefined ? enterprise.establishedOn : d.registeredOn,
        applicationDate: d.applicationDate ?? evaluatedOn,
        ipSupportsCoreProducts: d.ipSupportsCoreProducts ?? null,
        technologyField: d.technologyField ?? null,
        cleanRecord: d.cleanRecord ?? null,
        ipAcquisition: d.ipAcquisition ?? null,
        participatedInStandards: d.participatedInStandards ?? null,
        selfAssessment: d.selfAssessment ?? null,
      };
      const years = pick([input.year - 2, input.year - 1, input.year]);
      inputs = { year: input.year, figures: years, declarations };
      result = evaluateHnte({ year: input.year, series: years, declarations }, pack.params);
      [packId, packVersion] = [id, pack.version];
      break;
    }
    case 'innovative-sme': {
      const { id, pack } = await packInForce(db, db, 'innovative-sme', evaluatedOn);
      const d = input.declarations;
      const declarations: InnovativeSmeDeclarations = {
        strategicEmergingIndustry: d.strategicEmergingIndustry ?? null,
        scienceAward3y: d.scienceAward3y ?? null,
        validHonour: d.validHonour ?? (holds(['高新技术企业']) ? true : null),
        provincialRdInstitution: d.provincialRdInstitution ?? null,
        equityFinancing3y: d.equityFinancing3y ?? null,
      };
      const years = pick([input.year - 1, input.year]);
      inputs = { year: input.year, figures: years, declarations };
      result = evaluateInnovativeSme({ year: input.year, series: years, declarations }, pack.params);
      [packId, packVersion] = [id, pack.version];
      break;
    }
    case 'specialized-sme': {
      const { id, pack } = await packInForce(db, db, 'specialized-sme', evaluatedOn);
      const d = input.declarations;
      const declarations: SpecializedSmeDeclarations = {
        nicheYears: d.nicheYears ?? null,
        equityFinancing2y: d.equityFinancing2y ?? null,
        productDomain: d.productDomain ?? null,
        digitalLevel: d.digitalLevel ?? null,
        qualityItems: d.qualityItems ?? null,
        localFeaturePoints: d.localFeaturePoints ?? null,
        rdInstitutionLevel: d.rdInstitutionLevel ?? null,
        scienceAwardTop: d.scienceAwardTop ?? null,
        makerChinaTop500: d.makerChinaTop500 ?? null,
        holdsTechInnovativeStatus: d.holdsTechInnovativeStatus ?? (holds(['科技型中小企业', '创新型中小企业']) ? true : null),
        ipApplied: d.ipApplied ?? null,
        ipExempt: d.ipExempt ?? null,
        leadingMarketShare: d.leadingMarketShare ?? null,
        developmentScore: d.developmentScore ?? null,
      };
      const years = pick([input.year - 2, input.year - 1, input.year]);
      inputs = { year: input.year, figures: years, declarations };
      result = evaluateSpecializedSme({ year: input.year, series: years, declarations }, pack.params);
      [packId, packVersion] = [id, pack.version];
      break;
    }
  }

  return db.transaction(async (tx) => {
    const id = await insertEvaluation(tx, {
      countyId: enterprise.countyId,
      enterpriseId: enterprise.id,
      kind: input.kind,
      year: input.year,
      evaluatedOn,
      rulePackId: packId,
      rulePackVersion: packVersion,
      inputs,
      result,
      actor: access.actor.name,
    });
    await appendAudit(tx, {
      countyId: enterprise.countyId,
      ...auditActor(access.actor),
      action: 'enterprise.evaluate',
      entity: 'enterprise_evaluation',
      entityId: id,
      after: { enterpriseId: enterprise.id, kind: input.kind, year: input.year, rulePackVersion: packVersion, outcome: result.outcome, total: result.total },
    });
    const stored = await findEvaluation(tx, scope, id);
    if (!stored) throw new Error('stored evaluation not found');
    return stored;
  });
}
