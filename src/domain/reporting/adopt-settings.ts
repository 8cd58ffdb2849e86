// 沿用上一规划的指标设置: a county that imports its 十五五 plan has spent five years setting up the 十四五 one (责任单位,
// 报送频次, 期限, 容差, 登记系统绑定). Most indicators of the new plan are the same indicators again, so the clerk adopts
// those settings in one step. This module decides which previous plan, which indicator pairs and what is copied;
// the service reads and writes. (导入新版本 of the SAME plan moves data instead: services/carry-over-plan-data.ts.)
import { PERIOD_KIND_LABELS, type PeriodKind } from '../period/period.ts';
import type { PlanPeriod } from '../plan/plan-for-year.ts';
import { formatPlain } from '../progress/target-kind.ts';
import { REGISTER_RULE_LABELS, type BindingParams, type RegisterRule } from '../registers/indicator-binding.ts';
import { indicatorMatchKey } from './match-key.ts';

/**
 * The county's previous plan for `plan`: among its other current plans, the one whose period ends before `plan`'s
 * period starts, latest ending first (a 十三五 plan still on file loses to the 十四五 one). Plans given newest first,
 * so among two ending the same year the newer stays. Undefined when the new plan's start or no earlier end is known.
 */
export function previousPlanOf<P extends PlanPeriod & { id: string }>(
  newestFirst: readonly P[],
  plan: PlanPeriod & { id: string },
): P | undefined {
  const start = plan.periodStart;
  if (start === null) return undefined;
  let best: P | undefined;
  for (const candidate of newestFirst) {
    const end = candidate.periodEnd;
    if (candidate.id === plan.id || end === null || end >= start) continue;
    if (best === undefined || end > (best.periodEnd ?? Number.NEGATIVE_INFINITY)) best = candidate;
  }
  return best;
}

/** What of a setting is adopted. Never the target-kind override: a new plan's targets differ, inference runs afresh. */
export interface AdoptableSetting {
  responsibleUnitId: string | null;
  responsibleUnitName: string | null;
  frequency: PeriodKind;
  dueDays: number | null;
  tolerance: number | null;
  /** The previous plan's row is 示例数据; the copy stays sample too (see adoptionProposal). */
  isSample: boolean;
}

export interface AdoptableBinding {
  rule: RegisterRule;
  params: BindingParams;
}

export interface AdoptionIndicator {
  id: string;
  name: string;
  unit: string | null;
  /** Its settings row; null when it has none (defaults). */
  setting: AdoptableSetting | null;
  binding: AdoptableBinding | null;
}

export const ADOPTION_NOTE_CODES = [
  'no-match',
  'duplicate-match',
  'own-setting',
  'own-binding',
  'previous-has-nothing',
  'unit-differs',
  'sample',
] as const;
export type AdoptionNoteCode = (typeof ADOPTION_NOTE_CODES)[number];

export interface AdoptionNote {
  code: AdoptionNoteCode;
  message: string;
}

export interface AdoptionRow {
  indicatorId: string;
  name: string;
  unit: string | null;
  previous: { indicatorId: string; name: string; unit: string | null } | null;
  /** What will be written; null = the setting is not adopted. */
  setting: AdoptableSetting | null;
  binding: AdoptableBinding | null;
  notes: AdoptionNote[];
}

export interface AdoptionCounts {
  indicators: number;
  /** New indicators with a previous indicator of the same key. */
  matched: number;
  settings: number;
  bindings: number;
  /** Indicators of which nothing is adopted. */
  skipped: number;
}

export interface AdoptionProposal {
  rows: AdoptionRow[];
  counts: AdoptionCounts;
}

/** A unit as written in a plan, compared loosely: full-width / spaces do not count, blank is no unit. */
export function normalizeUnit(unit: string | null): string | null {
  const text = (unit ?? '').normalize('NFKC').replace(/\s+/g, '');
  return text === '' ? null : text;
}

const unitText = (unit: string | null) => normalizeUnit(unit) ?? '无单位';

/**
 * The proposal, one row per new indicator in plan order. Rules:
 * - Pairing by indicatorMatchKey (the municipal comparison's key: 每万人… = 万人…, 高新技术企业数 = 高新技术企业).
 *   Two previous indicators with one key: the first in plan order, and the row says so.
 * - Never overwrite: an indicator with its own settings row keeps it; one with its own binding keeps it.
 * - Settings (责任单位, 频次, 期限, 容差) are copied whatever the units: who reports and how often does not depend on
 *   家 vs 个.
 * - A register binding only when the units agree (normalised) or both are blank. A rule + params were chosen for
 *   what the previous indicator counted in its unit; a changed unit (家 → 个, 万元 → 亿元, 个 → %) often means a
 *   changed measure, and a binding that silently feeds the wrong figure into monitoring is worse than none — the
 *   clerk binds it on the 登记系统 page, where the rule is suggested by name anyway.
 * - 示例数据: a sample setting is adopted as sample (is_sample true), so `kechuang sample remove` takes the copy with
 *   the original (and can then remove the sample's units); the row says so. Bindings carry no sample flag.
 */
export function adoptionProposal(
  newIndicators: readonly AdoptionIndicator[],
  previousIndicators: readonly AdoptionIndicator[],
): AdoptionProposal {
  const byKey = new Map<string, AdoptionIndicator[]>();
  for (const indicator of previousIndicators) {
    const key = indicatorMatchKey(indicator.name);
    const list = byKey.get(key);
    if (list) list.push(indicator);
    else byKey.set(key, [indicator]);
  }
  const rows = newIndicators.map((indicator): AdoptionRow => {
    const candidates = byKey.get(indicatorMatchKey(indicator.name)) ?? [];
    const previous = candidates[0];
    const base = { indicatorId: indicator.id, name: indicator.name, unit: indicator.unit };
    if (previous === undefined) {
      return { ...base, previous: null, setting: null, binding: null, notes: [{ code: 'no-match', message: '上一规划无同名指标' }] };
    }
    const notes: AdoptionNote[] = [];
    if (candidates.length > 1) {
      notes.push({
        code: 'duplicate-match',
        message: `上一规划有 ${candidates.length} 项同名指标（${candidates.map((c) => `「${c.name}」`).join('、')}），取第一项`,
      });
    }
    let setting: AdoptableSetting | null = null;
    if (previous.setting !== null) {
      if (indicator.setting !== null) notes.push({ code: 'own-setting', message: '本规划指标已有设置，不覆盖' });
      else setting = { ...previous.setting };
    }
    let binding: AdoptableBinding | null = null;
    if (previous.binding !== null) {
      const unitsAgree = normalizeUnit(previous.unit) === normalizeUnit(indicator.unit);
      if (indicator.binding !== null) notes.push({ code: 'own-binding', message: '本规划指标已绑定登记系统，不覆盖' });
      else if (!unitsAgree) {
        notes.push({
          code: 'unit-differs',
          message: `计量单位不同（上一规划：${unitText(previous.unit)}，本规划：${unitText(indicator.unit)}），登记系统绑定未沿用，请在登记系统页重新绑定`,
        });
      } else binding = { rule: previous.binding.rule, params: previous.binding.params };
    }
    if (previous.setting === null && previous.binding === null) {
      notes.push({ code: 'previous-has-nothing', message: '上一规划该指标未设置' });
    }
    if (setting?.isSample === true) {
      notes.push({ code: 'sample', message: '示例数据：沿用后仍标记为示例数据' });
    }
    return {
      ...base,
      previous: { indicatorId: previous.id, name: previous.name, unit: previous.unit },
      setting,
      binding,
      notes,
    };
  });
  return { rows, counts: countRows(rows) };
}

export function countRows(rows: readonly AdoptionRow[]): AdoptionCounts {
  return {
    indicators: rows.length,
    matched: rows.filter((r) => r.previous !== null).length,
    settings: rows.filter((r) => r.setting !== null).length,
    bindings: rows.filter((r) => r.binding !== null).length,
    skipped: rows.filter((r) => r.setting === null && r.binding === null).length,
  };
}

/**
 * What a row adopts, in words, for the preview (web and CLI alike): 责任单位 X, 年度报送, 期满后 N 天内, 容差 2%,
 * 登记系统：<rule>. Empty when nothing is adopted.
 */
export function adoptedParts(row: Pick<AdoptionRow, 'setting' | 'binding'>): string[] {
  const parts: string[] = [];
  if (row.setting) {
    const s = row.setting;
    parts.push(`责任单位 ${s.responsibleUnitName ?? '未指定'}`, `${PERIOD_KIND_LABELS[s.frequency]}报送`);
    if (s.dueDays !== null) parts.push(`期满后 ${s.dueDays} 天内`);
    if (s.tolerance !== null) parts.push(`容差 ${formatPlain(s.tolerance * 100)}%`);
  }
  if (row.binding) parts.push(`登记系统：${REGISTER_RULE_LABELS[row.binding.rule]}`);
  return parts;
}
