// What changed between two versions of a plan document (导入新版本): the stored plan against a newly parsed one.
// Pure: no I/O. Items are matched by what identifies them to a reader, never by position:
//   indicators by name, else (a renamed indicator) by 序号 among the still unmatched ones;
//   projects by name; 专栏 by number; outline headings by label + title.
// 序号 are numbering, not content: an indicator or project that only moved (because a row above was added or
// dropped) is not reported as changed. Every value is compared as the text a person reads (see `show*` below), so
// "changed" means "reads differently".
import type { BaselineValue, OutlineHeading, ParsedPlan, PlanBox, PlanIndicator, PlanProject, TargetValue } from './model.ts';

/** The parts of a plan that are compared: a ParsedPlan, or a stored plan (which carries ids and versions too). */
export type PlanLike = Pick<
  ParsedPlan,
  'title' | 'region' | 'periodStart' | 'periodEnd' | 'issuer' | 'issuedOn' | 'docNumber' | 'outline' | 'indicators' | 'boxes' | 'projects'
>;

export interface FieldChange {
  field: string;
  /** Chinese label of the field: 目标值, 总投资 … */
  label: string;
  before: string | null;
  after: string | null;
}

/** An item present in only one version. */
export interface DiffItem {
  /** What identifies the item: the indicator / project name, 专栏N, the heading's label + title. */
  key: string;
  /** A one-line description (target, investment, item count …) for the preview table. */
  detail: string | null;
}

/** An item present in both versions with at least one field reading differently. */
export interface ChangedItem {
  /** The item's key in the new version (the old key is in `changes` when it was renamed). */
  key: string;
  changes: FieldChange[];
}

export interface SectionCounts {
  added: number;
  removed: number;
  changed: number;
}

export interface SectionDiff {
  added: DiffItem[];
  removed: DiffItem[];
  changed: ChangedItem[];
  counts: SectionCounts;
}

export interface PlanDiff {
  /** 标题, 规划期, 印发机关, 文号 … */
  fields: FieldChange[];
  outline: SectionDiff;
  indicators: SectionDiff;
  boxes: SectionDiff;
  projects: SectionDiff;
  /** True when nothing a reader sees differs (the bytes may still differ, e.g. re-saved by Word). */
  unchanged: boolean;
  /** One line: 基本信息：修改 1 项；目录：…；指标：新增 1 项、删除 0 项、修改 2 项；专栏：…；项目：… */
  summary: string;
}

export const DIFF_SECTIONS = ['outline', 'indicators', 'boxes', 'projects'] as const;
export type DiffSection = (typeof DIFF_SECTIONS)[number];
export const SECTION_LABELS: Record<DiffSection, string> = { outline: '目录', indicators: '指标', boxes: '专栏', projects: '项目' };

// ── how values read ─────────────────────────────────────────────────────────────────────────────────────────

function showText(value: string | null): string | null {
  const text = value?.replace(/\s+/g, ' ').trim() ?? '';
  return text === '' ? null : text;
}

function showNumber(value: number | null): string | null {
  return value === null ? null : String(value);
}

function showYearValue(value: BaselineValue | TargetValue | null): string | null {
  if (!value) return null;
  return `${value.text.trim() || '—'}（${value.year}年）`;
}

function showBoxItems(box: PlanBox): string | null {
  if (box.items.length === 0) return null;
  return box.items.map((item, i) => `${i + 1}. ${item.title ? `${item.title}：` : ''}${item.text}`).join('\n');
}

type FieldSpec<T> = { field: string; label: string; show: (item: T) => string | null };

const PLAN_FIELDS: FieldSpec<PlanLike>[] = [
  { field: 'title', label: '标题', show: (p) => showText(p.title) },
  { field: 'region', label: '区县', show: (p) => showText(p.region) },
  { field: 'periodStart', label: '规划期起', show: (p) => showNumber(p.periodStart) },
  { field: 'periodEnd', label: '规划期止', show: (p) => showNumber(p.periodEnd) },
  { field: 'issuer', label: '印发机关', show: (p) => showText(p.issuer) },
  { field: 'issuedOn', label: '印发日期', show: (p) => showText(p.issuedOn) },
  { field: 'docNumber', label: '文号', show: (p) => showText(p.docNumber) },
];

const INDICATOR_FIELDS: FieldSpec<PlanIndicator>[] = [
  { field: 'name', label: '指标名称', show: (i) => showText(i.name) },
  { field: 'unit', label: '单位', show: (i) => showText(i.unit) },
  { field: 'attribute', label: '属性', show: (i) => i.attribute },
  { field: 'baseline', label: '基期值', show: (i) => showYearValue(i.baseline) },
  { field: 'target', label: '目标值', show: (i) => showYearValue(i.target) },
  { field: 'cumulative', label: '累计数', show: (i) => (i.cumulative ? '是' : '否') },
  { field: 'annualGrowthRate', label: '年均增长（%）', show: (i) => showNumber(i.annualGrowthRate) },
];

const PROJECT_FIELDS: FieldSpec<PlanProject>[] = [
  { field: 'name', label: '项目名称', show: (p) => showText(p.name) },
  { field: 'category', label: '类别', show: (p) => showText(p.category) },
  { field: 'leadUnit', label: '牵头单位', show: (p) => showText(p.leadUnit) },
  { field: 'site', label: '建设地点', show: (p) => showText(p.site) },
  { field: 'nature', label: '建设性质', show: (p) => showText(p.nature) },
  { field: 'content', label: '建设内容', show: (p) => showText(p.content) },
  { field: 'investment', label: '总投资（万元）', show: (p) => showNumber(p.investment) },
  { field: 'startYear', label: '起始年', show: (p) => showNumber(p.startYear) },
  { field: 'endYear', label: '完成年', show: (p) => showNumber(p.endYear) },
];

const BOX_FIELDS: FieldSpec<PlanBox>[] = [
  { field: 'title', label: '专栏标题', show: (b) => showText(b.title) },
  { field: 'items', label: '专栏内容', show: showBoxItems },
];

const OUTLINE_FIELDS: FieldSpec<OutlineHeading>[] = [{ field: 'level', label: '层级', show: (h) => String(h.level) }];

function fieldChanges<T>(specs: FieldSpec<T>[], before: T, after: T): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const spec of specs) {
    const b = spec.show(before);
    const a = spec.show(after);
    if (b !== a) changes.push({ field: spec.field, label: spec.label, before: b, after: a });
  }
  return changes;
}

// ── matching ─────────────────────────────────────────────────────────────────────────────────────────────────

interface Section<T> {
  /** Keys tried in order; an item pairs with the first unmatched item of the other version sharing a key. */
  keys: ((item: T) => string | null)[];
  display: (item: T) => string;
  detail: (item: T) => string | null;
  fields: FieldSpec<T>[];
}

/** next index → previous index of every pair, by the section's keys tried in order. */
function pairSection<T>(section: Section<T>, previous: readonly T[], next: readonly T[]): Map<number, number> {
  const pairOf = new Map<number, number>(); // next index → previous index
  const taken = new Set<number>();
  for (const key of section.keys) {
    // Keys of the still unmatched previous items, in order (duplicates pair in order of appearance).
    const byKey = new Map<string, number[]>();
    previous.forEach((item, index) => {
      if (taken.has(index)) return;
      const k = key(item);
      if (k === null) return;
      const list = byKey.get(k) ?? [];
      list.push(index);
      byKey.set(k, list);
    });
    next.forEach((item, index) => {
      if (pairOf.has(index)) return;
      const k = key(item);
      if (k === null) return;
      const match = byKey.get(k)?.shift();
      if (match === undefined) return;
      pairOf.set(index, match);
      taken.add(match);
    });
  }
  return pairOf;
}

function diffSection<T>(section: Section<T>, previous: readonly T[], next: readonly T[]): SectionDiff {
  const pairOf = pairSection(section, previous, next);
  const taken = new Set(pairOf.values());
  const added: DiffItem[] = [];
  const changed: ChangedItem[] = [];
  next.forEach((item, index) => {
    const match = pairOf.get(index);
    const before = match === undefined ? undefined : previous[match];
    if (before === undefined) {
      added.push({ key: section.display(item), detail: section.detail(item) });
      return;
    }
    const changes = fieldChanges(section.fields, before, item);
    if (changes.length > 0) changed.push({ key: section.display(item), changes });
  });
  const removed: DiffItem[] = previous
    .filter((_item, index) => !taken.has(index))
    .map((item) => ({ key: section.display(item), detail: section.detail(item) }));
  return { added, removed, changed, counts: { added: added.length, removed: removed.length, changed: changed.length } };
}

const normal = (text: string) => text.replace(/\s+/g, '').trim();

const INDICATORS: Section<PlanIndicator> = {
  keys: [(i) => normal(i.name) || null, (i) => normal(i.seq) || null],
  display: (i) => i.name,
  detail: (i) =>
    [i.target ? `目标 ${showYearValue(i.target)}` : null, i.unit ? `单位 ${i.unit}` : null, i.attribute].filter(Boolean).join('，') || null,
  fields: INDICATOR_FIELDS,
};

const PROJECTS: Section<PlanProject> = {
  keys: [(p) => normal(p.name) || null],
  display: (p) => p.name,
  detail: (p) =>
    [p.leadUnit, p.investment !== null ? `总投资 ${p.investment} 万元` : null, p.startYear ? `${p.startYear}—${p.endYear ?? ''}` : null]
      .filter(Boolean)
      .join('，') || null,
  fields: PROJECT_FIELDS,
};

const BOXES: Section<PlanBox> = {
  keys: [(b) => String(b.number)],
  display: (b) => `专栏${b.number} ${b.title}`.trim(),
  detail: (b) => (b.items.length > 0 ? `${b.items.length} 条` : null),
  fields: BOX_FIELDS,
};

const OUTLINE: Section<OutlineHeading> = {
  keys: [(h) => `${normal(h.label)}|${normal(h.title)}`],
  display: (h) => `${h.label} ${h.title}`.trim(),
  detail: (h) => `第 ${h.level} 级`,
  fields: OUTLINE_FIELDS,
};

// ── the whole plan ───────────────────────────────────────────────────────────────────────────────────────────

export function diffPlans(previous: PlanLike, next: PlanLike): PlanDiff {
  const fields = fieldChanges(PLAN_FIELDS, previous, next);
  const outline = diffSection(OUTLINE, previous.outline, next.outline);
  const indicators = diffSection(INDICATORS, previous.indicators, next.indicators);
  const boxes = diffSection(BOXES, previous.boxes, next.boxes);
  const projects = diffSection(PROJECTS, previous.projects, next.projects);
  const sections: Record<DiffSection, SectionDiff> = { outline, indicators, boxes, projects };
  const unchanged =
    fields.length === 0 &&
    DIFF_SECTIONS.every((s) => {
      const c = sections[s].counts;
      return c.added + c.removed + c.changed === 0;
    });
  return { fields, outline, indicators, boxes, projects, unchanged, summary: diffSummary(fields, sections, unchanged) };
}

function diffSummary(fields: FieldChange[], sections: Record<DiffSection, SectionDiff>, unchanged: boolean): string {
  if (unchanged) return '内容无变化';
  const parts: string[] = [];
  if (fields.length > 0) parts.push(`基本信息：修改 ${fields.length} 项（${fields.map((f) => f.label).join('、')}）`);
  for (const s of DIFF_SECTIONS) {
    const c = sections[s].counts;
    parts.push(`${SECTION_LABELS[s]}：新增 ${c.added} 项、删除 ${c.removed} 项、修改 ${c.changed} 项`);
  }
  return parts.join('；');
}

// ── pairs for carrying data over ─────────────────────────────────────────────────────────────────────────────

/** One item of the previous version and the item of the next version it became (indexes into each list). */
export interface ItemPair {
  previous: number;
  next: number;
}

export interface PlanPairs {
  indicators: ItemPair[];
  projects: ItemPair[];
}

/**
 * The pairs `diffPlans` reports as "the same item" (unchanged, changed or renamed), in the previous version's order.
 * 导入新版本 carries each previous item's data to its pair; an item without one is what the diff calls removed.
 * Same matching as the diff on purpose: what the clerk saw in the preview is what is carried.
 */
export function pairPlanItems(previous: Pick<PlanLike, 'indicators' | 'projects'>, next: Pick<PlanLike, 'indicators' | 'projects'>): PlanPairs {
  const pairs = <T>(section: Section<T>, a: readonly T[], b: readonly T[]): ItemPair[] =>
    [...pairSection(section, a, b)].map(([n, p]) => ({ previous: p, next: n })).sort((x, y) => x.previous - y.previous);
  return { indicators: pairs(INDICATORS, previous.indicators, next.indicators), projects: pairs(PROJECTS, previous.projects, next.projects) };
}
