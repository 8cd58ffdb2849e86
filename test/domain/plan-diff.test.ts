// diffPlans: what changed between two versions of a plan, on mutations of the real 石柱 and 奉节 seed plans.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffPlans, pairPlanItems, type PlanDiff } from '../../src/domain/plan/diff-plans.ts';
import { readPlanDocument, type ParsedPlan } from '../../src/domain/plan/index.ts';

const SHIZHU_FILE = '003_277bfcae23e1cd61.txt';
const FENGJIE_FILE = '000_da82127551cae645.txt';

function seed(fileName: string): Promise<ParsedPlan> {
  return readPlanDocument(readFileSync(new URL(`../../seeds/${fileName}`, import.meta.url)), fileName);
}

let shizhu: ParsedPlan;
let fengjie: ParsedPlan;
beforeAll(async () => {
  shizhu = await seed(SHIZHU_FILE);
  fengjie = await seed(FENGJIE_FILE);
});

/** A deep copy to mutate. */
const copy = (plan: ParsedPlan): ParsedPlan => structuredClone(plan);

type Counts = [added: number, removed: number, changed: number];
const counts = (diff: PlanDiff, section: 'outline' | 'indicators' | 'boxes' | 'projects'): Counts => {
  const c = diff[section].counts;
  return [c.added, c.removed, c.changed];
};

describe('diffPlans on seed-derived mutations', () => {
  it('the same plan twice: unchanged, all counts zero, summary 内容无变化', () => {
    const diff = diffPlans(shizhu, copy(shizhu));
    expect(diff.unchanged).toBe(true);
    expect(diff.fields).toEqual([]);
    for (const s of ['outline', 'indicators', 'boxes', 'projects'] as const) expect(counts(diff, s)).toEqual([0, 0, 0]);
    expect(diff.summary).toBe('内容无变化');
  });

  const cases: {
    name: string;
    mutate: (plan: ParsedPlan) => void;
    indicators?: Counts;
    projects?: Counts;
    boxes?: Counts;
    outline?: Counts;
    unchanged?: true;
    check?: (diff: PlanDiff) => void;
  }[] = [
    {
      name: 'a changed target value (全社会研发经费占GDP比重 1.0 → 1.5)',
      mutate: (p) => {
        const i = p.indicators[1];
        if (!i?.target) throw new Error('fixture');
        i.target = { ...i.target, value: 1.5, text: '1.5' };
      },
      indicators: [0, 0, 1],
      check: (diff) => {
        expect(diff.indicators.changed).toEqual([
          {
            key: '全社会研发经费占地区生产总值的比重',
            changes: [{ field: 'target', label: '目标值', before: '1.0（2025年）', after: '1.5（2025年）' }],
          },
        ]);
        expect(diff.summary).toBe(
          '目录：新增 0 项、删除 0 项、修改 0 项；指标：新增 0 项、删除 0 项、修改 1 项；专栏：新增 0 项、删除 0 项、修改 0 项；项目：新增 0 项、删除 0 项、修改 0 项',
        );
      },
    },
    {
      name: 'a dropped project: removed, and the projects after it (renumbered) are not reported as changed',
      mutate: (p) => {
        p.projects.splice(0, 1);
        p.projects.forEach((project, i) => (project.seq = String(i + 1)));
      },
      projects: [0, 1, 0],
      check: (diff) => {
        expect(diff.projects.removed.map((r) => r.key)).toEqual(['重庆市山地农业科技创新中心']);
        expect(diff.projects.removed[0]?.detail).toBe('重庆市农业科学院，2021—2025');
      },
    },
    {
      name: 'an added indicator (new name, new 序号)',
      mutate: (p) => {
        p.indicators.push({
          seq: '11',
          name: '技术合同成交额',
          unit: '万元',
          attribute: '预期性',
          baseline: { year: 2020, value: 1000, text: '1000' },
          target: { year: 2025, value: 5000, text: '5000', comparator: null },
          cumulative: false,
          annualGrowthRate: null,
        });
      },
      indicators: [1, 0, 0],
      check: (diff) => {
        expect(diff.indicators.added).toEqual([{ key: '技术合同成交额', detail: '目标 5000（2025年），单位 万元，预期性' }]);
        expect(diff.summary).toContain('指标：新增 1 项、删除 0 项、修改 0 项');
      },
    },
    {
      name: 'a renamed box (专栏 2 matched by number, title before → after)',
      mutate: (p) => {
        const box = p.boxes[1];
        if (!box) throw new Error('fixture');
        box.title = '绿色低碳工业科技创新重点项目';
      },
      boxes: [0, 0, 1],
      check: (diff) => {
        expect(diff.boxes.changed).toEqual([
          {
            key: '专栏2 绿色低碳工业科技创新重点项目',
            changes: [{ field: 'title', label: '专栏标题', before: '绿色生态工业科技创新重点项目', after: '绿色低碳工业科技创新重点项目' }],
          },
        ]);
      },
    },
    {
      name: 'a renamed indicator keeps its 序号: matched by seq, reported as a name change',
      mutate: (p) => {
        const i = p.indicators[0];
        if (!i) throw new Error('fixture');
        i.name = '全社会研究与试验发展经费投入增长';
      },
      indicators: [0, 0, 1],
      check: (diff) => {
        expect(diff.indicators.changed[0]?.changes).toEqual([
          { field: 'name', label: '指标名称', before: '全社会研发经费投入增长', after: '全社会研究与试验发展经费投入增长' },
        ]);
      },
    },
    {
      name: 'project investment and years changed',
      mutate: (p) => {
        const project = p.projects[2];
        if (!project) throw new Error('fixture');
        project.investment = (project.investment ?? 0) + 100;
        project.endYear = 2026;
      },
      projects: [0, 0, 1],
      check: (diff) => {
        expect(diff.projects.changed[0]?.changes.map((c) => c.field)).toEqual(['investment', 'endYear']);
      },
    },
    {
      name: 'a new outline heading and a changed title/period/issuer',
      mutate: (p) => {
        p.outline.push({ level: 1, label: '第九章', title: '附则', line: 999 });
        p.title = '石柱县科技创新“十四五”规划（2021—2025年）（修订版）';
        p.periodEnd = 2026;
        p.issuer = null;
      },
      outline: [1, 0, 0],
      check: (diff) => {
        expect(diff.fields.map((f) => [f.field, f.after])).toEqual([
          ['title', '石柱县科技创新“十四五”规划（2021—2025年）（修订版）'],
          ['periodEnd', '2026'],
          ['issuer', null],
        ]);
        expect(diff.summary.startsWith('基本信息：修改 3 项（标题、规划期止、印发机关）；目录：新增 1 项')).toBe(true);
      },
    },
    {
      name: 'headings that only moved (line numbers shifted) are unchanged',
      mutate: (p) => {
        for (const h of p.outline) h.line += 5;
      },
      outline: [0, 0, 0],
      unchanged: true,
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const next = copy(shizhu);
      c.mutate(next);
      const diff = diffPlans(shizhu, next);
      expect(diff.unchanged).toBe(c.unchanged ?? false);
      if (c.indicators) expect(counts(diff, 'indicators')).toEqual(c.indicators);
      if (c.projects) expect(counts(diff, 'projects')).toEqual(c.projects);
      if (c.boxes) expect(counts(diff, 'boxes')).toEqual(c.boxes);
      if (c.outline) expect(counts(diff, 'outline')).toEqual(c.outline);
      c.check?.(diff);
    });
  }

  it('two different plans (石柱 → 奉节): everything by name is added/removed, the counts add up', () => {
    const diff = diffPlans(shizhu, fengjie);
    expect(diff.unchanged).toBe(false);
    expect(diff.fields.map((f) => f.field)).toContain('title');
    const p = diff.projects.counts;
    expect(p.removed).toBe(shizhu.projects.length);
    expect(p.added).toBe(fengjie.projects.length);
    const i = diff.indicators.counts;
    // Matched (same name or, failing that, same 序号) + removed = previous; matched + added = next.
    expect(shizhu.indicators.length - i.removed).toBe(fengjie.indicators.length - i.added);
  });

  it('a stored plan (with ids and versions on its rows) diffs like the parsed one', () => {
    const stored = {
      ...shizhu,
      indicators: shizhu.indicators.map((i, n) => ({ ...i, id: `id-${n}`, version: 3 })),
      projects: shizhu.projects.map((p, n) => ({ ...p, id: `p-${n}`, version: 1 })),
    };
    expect(diffPlans(stored, shizhu).unchanged).toBe(true);
  });
});

describe('pairPlanItems: the pairs 导入新版本 carries data along, the same matching as the diff', () => {
  it('a renamed indicator pairs by 序号, a dropped one has no pair, rows below keep their pair after a shift', () => {
    const next = copy(shizhu);
    const renamed = next.indicators[2];
    if (!renamed) throw new Error('fixture');
    renamed.name = '每万人口高价值发明专利拥有量';
    next.indicators.splice(8, 1); // 市级以上科技研发平台数量
    next.projects.splice(3, 1); // 重庆市石柱黄连科技小院
    const pairs = pairPlanItems(shizhu, next);
    expect(pairs.indicators).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 9].map((previous, n) => ({ previous, next: n })));
    expect(pairs.projects).toHaveLength(shizhu.projects.length - 1);
    expect(pairs.projects.find((p) => p.previous === 3)).toBeUndefined();
    expect(pairs.projects.find((p) => p.previous === 4)).toEqual({ previous: 4, next: 3 });
    // Every previous item without a pair is exactly what the diff calls removed.
    const diff = diffPlans(shizhu, next);
    const unpaired = shizhu.indicators.filter((_i, index) => !pairs.indicators.some((p) => p.previous === index)).map((i) => i.name);
    expect(unpaired).toEqual(diff.indicators.removed.map((r) => r.key));
    expect(diff.indicators.changed.map((c) => c.key)).toEqual(['每万人口高价值发明专利拥有量']);
  });

  it('two rows swapped in the table pair by name, not by position', () => {
    const next = copy(fengjie);
    const [a, b] = [next.indicators[4], next.indicators[5]];
    if (!a || !b) throw new Error('fixture');
    next.indicators[4] = b;
    next.indicators[5] = a;
    const pairs = pairPlanItems(fengjie, next);
    expect(pairs.indicators.filter((p) => p.previous !== p.next)).toEqual([
      { previous: 4, next: 5 },
      { previous: 5, next: 4 },
    ]);
  });
});
