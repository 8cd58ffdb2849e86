// 示例数据 for the seed plans: a few units per county with their assignments, and 2021–2024 yearly figures in
// approved reports (plus 统计局 figures for the R&D indicators, chosen as official), every row flagged is_sample and
// noted 示例数据. Baselines stay the plans' real figures. Generated from a fixed seed: the same on every machine.
import { randomUUID } from 'node:crypto';
import type { Database, Transaction } from '../../db/client.ts';
import { formatPeriod, yearPeriod } from '../../domain/period/period.ts';
import { targetSpecFromRow } from '../../domain/progress/completion.ts';
import { periodSortKey } from '../../domain/reporting/period-sort.ts';
import {
  PACE_CYCLE,
  roundForUnit,
  sampleBaseline,
  sampleSeries,
  seededRandom,
  type SamplePace,
} from '../../domain/reporting/sample-values.ts';
import { SAMPLE_NOTE } from '../../domain/reporting/vocabulary.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { insertIndicatorSettings, listMonitoredIndicators, type MonitoredIndicator, type SettingWrite } from '../../repositories/indicator-settings.ts';
import { insertValues, type NewValue } from '../../repositories/indicator-values.ts';
import { listPlans } from '../../repositories/plans.ts';
import { countSampleValues, insertSampleReports, recordSampleUnits, type SampleReport } from '../../repositories/sample-data.ts';
import { countyScope } from '../../repositories/scope.ts';
import { insertUnit, listUnits } from '../../repositories/units.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { requireAction } from './guards.ts';
import { kindOf, planSpanOf } from './indicator-status.ts';

export const SAMPLE_SEED = 20_210_101;
export const SAMPLE_YEARS = [2021, 2022, 2023, 2024] as const;
const SAMPLE_ACTOR = 'system:sample';

/** Which department answers for an indicator, by what it measures; first match wins. */
const RESPONSIBLE_UNITS: readonly [RegExp, string][] = [
  [/财政/, '财政局'],
  [/研发|R&D/i, '科技局'],
  [/数字经济|产值|工业/, '经济信息委'],
  [/专利/, '市场监管局'],
  [/科学素质/, '科协'],
  [/森林/, '林业局'],
  [/空气/, '生态环境局'],
  [/./, '科技局'],
];

/** R&D figures are published by the statistics bureau too; its figure is the official one in the sample. */
const STATISTICS_TOO = /研发经费/;

export interface SampleLoadResult {
  status: 'loaded' | 'already-loaded';
  counties: { countyId: string; countyName: string; units: number; values: number }[];
}

export async function loadSampleData(db: Database, access: Access): Promise<SampleLoadResult> {
  requireAction(access, 'indicator.configure');
  if ((await countSampleValues(db)) > 0) return { status: 'already-loaded', counties: [] };
  const plans = (await listPlans(db, access.scope)).filter(
    // Each county's latest plan (listPlans is newest first per county).
    (plan, index, all) => all.findIndex((p) => p.countyId === plan.countyId) === index,
  );
  const random = seededRandom(SAMPLE_SEED);
  let breachGiven = false;
  const counties: SampleLoadResult['counties'] = [];
  await db.transaction(async (tx) => {
    let paceIndex = 0;
    for (const plan of plans) {
      const indicators = await listMonitoredIndicators(tx, countyScope(plan.countyId), { planId: plan.id });
      const units = await ensureUnits(tx, plan.countyId, indicators);
      const paces = indicators.map((indicator) => {
        if (indicator.row.attribute !== '约束性') return PACE_CYCLE[paceIndex++ % PACE_CYCLE.length] ?? 'on-pace';
        // Exactly one binding indicator misses (约束性未达标), preferably a kept threshold; the rest keep ahead.
        const kept = kindOf(indicator.row, null).kind === 'threshold' && isKept(indicator);
        if (!breachGiven && kept) {
          breachGiven = true;
          return 'breach' as const;
        }
        return 'ahead' as const;
      });
      const written = await writeCounty(tx, indicators, units, paces, random);
      await appendAudit(tx, {
        countyId: plan.countyId,
        ...auditActor(access.actor),
        action: 'sample.load',
        entity: 'sample_data',
        entityId: plan.id,
        after: { note: SAMPLE_NOTE, units: units.created, values: written },
      });
      counties.push({ countyId: plan.countyId, countyName: plan.countyName, units: units.byName.size, values: written });
    }
  });
  return { status: 'loaded', counties };
}

function isKept(indicator: MonitoredIndicator): boolean {
  const base = indicator.row.baseline?.value ?? null;
  const target = indicator.row.target;
  if (base === null || target?.value === null || target?.value === undefined || target.comparator === null) return false;
  return target.comparator === '>=' ? base >= target.value : base <= target.value;
}

interface CountyUnits {
  byName: Map<string, string>;
  created: number;
}

/** The departments the sample needs, reusing a county's own unit of the same name. */
async function ensureUnits(tx: Transaction, countyId: string, indicators: readonly MonitoredIndicator[]): Promise<CountyUnits> {
  const wanted = new Set(indicators.map(unitNameFor));
  const existing = new Map(
    (await listUnits(tx, countyScope(countyId))).map((u) => [u.name, u.id] as const),
  );
  const byName = new Map<string, string>();
  const created: { unitId: string; countyId: string }[] = [];
  for (const name of wanted) {
    const found = existing.get(name);
    if (found !== undefined) {
      byName.set(name, found);
      continue;
    }
    const id = await insertUnit(tx, { countyId, name, kind: '部门' });
    if (id === null) continue;
    byName.set(name, id);
    created.push({ unitId: id, countyId });
  }
  await recordSampleUnits(tx, created);
  return { byName, created: created.length };
}

function unitNameFor(indicator: MonitoredIndicator): string {
  return RESPONSIBLE_UNITS.find(([pattern]) => pattern.test(indicator.row.name))?.[1] ?? '科技局';
}

async function writeCounty(
  tx: Transaction,
  indicators: readonly MonitoredIndicator[],
  units: CountyUnits,
  paces: readonly SamplePace[],
  random: () => number,
): Promise<number> {
  const settings: SettingWrite[] = [];
  const reports = new Map<string, SampleReport>();
  const values: NewValue[] = [];
  indicators.forEach((indicator, index) => {
    // An indicator the county has configured itself keeps its unit; one without a unit gets no sample figures.
    const unitId = indicator.setting.version > 0 ? indicator.setting.responsibleUnitId : (units.byName.get(unitNameFor(indicator)) ?? null);
    const span = planSpanOf(indicator.planStart, indicator.planEnd, indicator.row);
    if (unitId === null || span === null) return;
    if (indicator.setting.version === 0) {
      settings.push({
        indicatorId: indicator.id,
        countyId: indicator.countyId,
        responsibleUnitId: unitId,
        frequency: 'year' as const,
        dueDays: null,
        targetKind: null,
        tolerance: null,
        isSample: true,
      });
    }
    const kind = kindOf(indicator.row, indicator.setting.targetKind).kind;
    const input = {
      kind,
      spec: targetSpecFromRow(indicator.row, span),
      unit: indicator.row.unit,
      pace: paces[index] ?? 'on-pace',
      years: SAMPLE_YEARS.filter((y) => y > span.baseYear && y <= span.targetYear),
    };
    const base = sampleBaseline(input, random);
    const common = {
      countyId: indicator.countyId,
      indicatorId: indicator.id,
      measureUnit: kind === 'annual-growth' ? '万元' : indicator.row.unit,
      caliberNote: SAMPLE_NOTE,
      comment: SAMPLE_NOTE,
      explanation: null,
      enteredBy: SAMPLE_ACTOR,
      isSample: true,
    };
    const at = (year: number) => {
      const period = yearPeriod(year);
      return { period: formatPeriod(period), periodKind: period.kind, dataYear: year, periodSort: periodSortKey(period) };
    };
    if (base !== null) {
      // The plan gives no base value: the base year's figure comes from the statistics bureau.
      values.push({ ...common, ...at(span.baseYear), source: 'statistics', reportId: null, unitId: null, value: base, isOfficial: true, officialReason: '基期数据（示例）' });
    }
    const statisticsToo = STATISTICS_TOO.test(indicator.row.name);
    for (const figure of sampleSeries(input, random, base)) {
      const key = `${unitId}|${figure.year}`;
      let report = reports.get(key);
      if (report === undefined) {
        report = {
          id: randomUUID(),
          countyId: indicator.countyId,
          unitId,
          period: String(figure.year),
          state: 'approved',
          submittedBy: SAMPLE_ACTOR,
          reviewedBy: SAMPLE_ACTOR,
        };
        reports.set(key, report);
      }
      values.push({
        ...common,
        ...at(figure.year),
        source: 'unit',
        reportId: report.id,
        unitId,
        value: figure.value,
        isOfficial: !statisticsToo,
        officialReason: statisticsToo ? null : '责任单位报表审核通过（示例）',
      });
      if (statisticsToo) {
        // The bureau's figure differs a little from the department's — the reason one has to be chosen.
        const published = roundForUnit(figure.value * (1 + (random() - 0.5) * 0.04), indicator.row.unit);
        values.push({
          ...common,
          ...at(figure.year),
          source: 'statistics',
          reportId: null,
          unitId: null,
          value: published,
          isOfficial: true,
          officialReason: '统计局数据为法定统计口径（示例）',
        });
      }
    }
  });
  await insertIndicatorSettings(tx, settings);
  await insertSampleReports(tx, [...reports.values()]);
  await insertValues(tx, values);
  return values.length;
}
