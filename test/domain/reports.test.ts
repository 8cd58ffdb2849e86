// The pure report core: the status-count sentence, the chapter templates, the table cells, the problem list and the
// small formatting rules — on a hand-made ReportData (reports-fixture.ts).
import { describe, expect, it } from 'vitest';
import {
  buildReportDocument,
  CHAPTERS,
  chineseDate,
  chineseNumber,
  indicatorRowCells,
  reportSchedule,
} from '../../src/domain/reports/document.ts';
import { defaultReportYear, reportFileStem, reportTitle } from '../../src/domain/reports/model.ts';
import { buildMunicipalSummaryDocument, countySummaryRow, missingCountyRow, summaryRowCells } from '../../src/domain/reports/municipal.ts';
import { deriveProblems, groupProblems } from '../../src/domain/reports/problems.ts';
import {
  countIndicatorStatuses,
  investmentByCategory,
  projectOnTrack,
  projectTotals,
  shareText,
  statusSentence,
} from '../../src/domain/reports/summary.ts';
import { titleLines } from '../../src/reports/docx-writer.ts';
import { fixtureReportData } from './reports-fixture.ts';

const zero = { 提前实现: 0, 快于预期: 0, 基本符合预期: 0, 滞后: 0, 约束性未达标: 0, 无数据: 0, 无法评价: 0 };

describe('status-count sentence', () => {
  it.each([
    [{ ...zero, 提前实现: 4, 快于预期: 5, 基本符合预期: 7, 滞后: 4 }, '20 项指标中，4 项提前实现、5 项快于预期、7 项基本符合预期、4 项滞后'],
    [{ ...zero, 基本符合预期: 3 }, '3 项指标中，0 项提前实现、0 项快于预期、3 项基本符合预期、0 项滞后'],
    [
      { ...zero, 提前实现: 1, 快于预期: 1, 基本符合预期: 1, 滞后: 1, 约束性未达标: 1, 无数据: 2, 无法评价: 1 },
      '8 项指标中，1 项提前实现、1 项快于预期、1 项基本符合预期、1 项滞后，1 项约束性指标未达标，2 项暂无监测数据，1 项无法评价',
    ],
    [zero, '0 项指标中，0 项提前实现、0 项快于预期、0 项基本符合预期、0 项滞后'],
  ])('%o → %s', (counts, sentence) => {
    expect(statusSentence(counts)).toBe(sentence);
  });

  it('counts every status of the fixture once', () => {
    const counts = countIndicatorStatuses(fixtureReportData().indicators);
    expect(counts).toEqual({ ...zero, 提前实现: 1, 快于预期: 1, 基本符合预期: 1, 滞后: 1, 约束性未达标: 1, 无数据: 1 });
  });
});

describe('chapter templates', () => {
  const headings = (kind: 'annual' | 'midterm' | 'final') =>
    buildReportDocument({ ...fixtureReportData(), kind })
      .blocks.filter((b) => b.type === 'heading' && b.level === 1)
      .map((b) => (b.type === 'heading' ? b.text : ''));

  it('the mid-term report follows domain-rules §9.4 in order', () => {
    expect(headings('midterm')).toEqual([
      '一、评估工作开展情况',
      '二、主要成效',
      '三、主要指标完成情况',
      '四、重点任务推进情况',
      '五、重大项目推进情况',
      '六、改革举措与政策落实情况',
      '七、存在的主要问题',
      '八、发展环境变化与形势研判',
      '九、后半期推进规划实施的对策建议',
    ]);
  });

  it('annual and final reports have their own chapters', () => {
    expect(headings('annual')).toEqual(CHAPTERS.annual.map((c, i) => `${chineseNumber(i + 1)}、${c}`));
    expect(headings('final')).toContain('四、重点任务完成情况');
    expect(headings('final').at(-1)).toBe('八、对下一个五年规划的建议');
  });

  it('tasks are grouped by plan chapter, in plan order, with hand-made tasks last', () => {
    const doc = buildReportDocument(fixtureReportData());
    const level2 = doc.blocks.filter((b) => b.type === 'heading' && b.level === 2).map((b) => (b.type === 'heading' ? b.text : ''));
    expect(level2.slice(0, 3)).toEqual(['（一）第三章　强化科技创新平台建设', '（二）第四章　培育壮大创新主体', '（三）其他任务']);
    const texts = doc.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    expect(texts).toContain('1. 建设县级农业科技创新平台：牵头单位县科技局；完成 60%；节点完成 2/3；期限 2024-12-31；红色督办（节点“完成场地建设”逾期未完成）。');
  });

  it('the indicator chapter states the sentence and carries the table and the chart', () => {
    const doc = buildReportDocument(fixtureReportData());
    const texts = doc.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    expect(texts).toContain(
      '截至2023年，规划6 项指标中，1 项提前实现、1 项快于预期、1 项基本符合预期、1 项滞后，1 项约束性指标未达标，1 项暂无监测数据。各项指标完成情况见表1、图1。',
    );
    const table = doc.blocks.find((b) => b.type === 'table' && b.id === 'indicators');
    expect(table?.type === 'table' && table.columns.map((c) => c.title)).toEqual([
      '指标',
      '属性',
      '基期值',
      '目标值',
      '当前值（数据年份）',
      '完成进度',
      '序时进度',
      '评价',
    ]);
    expect(doc.blocks.filter((b) => b.type === 'chart').map((b) => (b.type === 'chart' ? b.chart.id : ''))).toEqual([
      'indicator-progress',
      'investment-by-category',
    ]);
  });

  it('what only the bureau can write is a placeholder, never made-up prose', () => {
    const doc = buildReportDocument(fixtureReportData());
    const placeholders = doc.blocks.flatMap((b) => (b.type === 'placeholder' ? [b.text] : []));
    expect(placeholders).toContain('〔请填写：后半期推进规划实施的对策建议（可提出调整指标或目标值的建议）〕');
    expect(placeholders).toContain('〔请填写：上述问题的原因分析〕');
    expect(placeholders.every((p) => p.startsWith('〔请填写：'))).toBe(true);
  });
});

describe('table cells', () => {
  it('prints the plan cells as written and the figures with their data year', () => {
    const [rd, hightech, , , forest, none] = fixtureReportData().indicators;
    expect(rd && indicatorRowCells(rd)).toEqual(['全社会研发经费投入强度（%）', '预期性', '0.4', '1', '0.82（2022年）', '70.0%', '40.0%', '快于预期']);
    expect(hightech && indicatorRowCells(hightech)).toEqual(['高新技术企业数（家）', '预期性', '【8】', '【20】', '21（2023年）', '108.3%', '60.0%', '提前实现']);
    expect(forest && indicatorRowCells(forest)[3]).toBe('≥65');
    expect(forest && indicatorRowCells(forest)[5]).toBe('-28.0%');
    expect(none && indicatorRowCells(none)).toEqual(['科技型中小企业数（家）', '预期性', '【40】', '【100】', '—', '—', '—', '无数据']);
  });

  it('formats shares with one decimal', () => {
    expect(shareText(0.38)).toBe('38.0%');
    expect(shareText(1 / 3)).toBe('33.3%');
    expect(shareText(null)).toBe('—');
  });
});

describe('projects', () => {
  it('judges investment against the plan to date with ε, and totals without float drift', () => {
    const data = fixtureReportData();
    const [ahead, behind, unjudged] = data.projects;
    expect(ahead && projectOnTrack(ahead, 0.05)).toBe(true);
    expect(behind && projectOnTrack(behind, 0.05)).toBe(false);
    expect(unjudged && projectOnTrack(unjudged, 0.05)).toBeNull();
    const totals = projectTotals(data.projects, 0.05);
    expect(totals).toMatchObject({ count: 3, totalInvestment: 16000.5, plannedToDate: 7000, completedToDate: 5100.25, onTrack: 1, behind: 1, unjudged: 1 });
    expect(investmentByCategory(data.projects).map((g) => [g.category, g.count, g.completedToDate])).toEqual([
      ['创新平台', 2, 5100.25],
      ['产业项目', 1, 0],
    ]);
  });
});

describe('problems', () => {
  it('come only from recorded facts: lagging indicators, warnings, no data, red items, investment, overdue reports', () => {
    const groups = groupProblems(deriveProblems(fixtureReportData()));
    expect(groups.map((g) => [g.category, g.items.length])).toEqual([
      ['指标', 2],
      ['任务', 1],
      ['项目', 1],
      ['数据填报', 2],
    ]);
    const all = groups.flatMap((g) => g.items);
    expect(all[0]).toBe('“技术合同成交额”（预期性）进展滞后：当前值 1800（2023年），完成进度 20.0%，序时进度 60.0%，滞后 40.0 个百分点。');
    expect(all).toContain('县统计局2023年监测数据（2 项指标）应于 2024-02-29 前报送，目前未填报。');
    // The red task has an order: it is listed once, from the order.
    expect(all.filter((t) => t.includes('建设县级农业科技创新平台'))).toHaveLength(1);
  });
});

describe('titles, years and names', () => {
  it('names the report after the plan and breaks a long title before the report name', () => {
    const data = fixtureReportData();
    expect(reportTitle(data)).toBe('奉节县科技创新“十四五”规划中期评估报告');
    // 20 characters of 二号 fit the 156 mm line; a longer title breaks before the report name.
    expect(titleLines(reportTitle(data))).toEqual(['奉节县科技创新“十四五”规划中期评估报告']);
    expect(titleLines('石柱土家族自治县科技创新“十四五”规划中期评估报告')).toEqual(['石柱土家族自治县科技创新“十四五”规划', '中期评估报告']);
    expect(reportTitle({ ...data, kind: 'annual' })).toBe('奉节县科技创新“十四五”规划2023年度监测报告');
    expect(reportFileStem(data)).toBe('奉节县科技创新“十四五”规划中期评估报告（2023年）');
  });

  it('chooses the usual year of each kind', () => {
    const plan = { periodStart: 2021, periodEnd: 2025 };
    const today = new Date('2026-05-01T00:00:00Z');
    expect(defaultReportYear('midterm', plan, today)).toBe(2023);
    expect(defaultReportYear('final', plan, today)).toBe(2025);
    expect(defaultReportYear('annual', plan, today)).toBe(2025);
    expect(defaultReportYear('annual', plan, new Date('2024-03-01T00:00:00Z'))).toBe(2023);
  });

  it('writes numbers, dates and the schedule share the Chinese way', () => {
    expect([1, 9, 10, 11, 20, 23].map(chineseNumber)).toEqual(['一', '九', '十', '十一', '二十', '二十三']);
    expect(chineseDate('2024-02-29T17:00:00.000Z')).toBe('2024年3月1日');
    expect(reportSchedule(fixtureReportData())).toBeCloseTo(0.6);
  });
});

describe('municipal summary', () => {
  it('one row per county, and the counties without a report say why', () => {
    const rows = [countySummaryRow(fixtureReportData()), missingCountyRow('城口县', '未导入规划')];
    expect(summaryRowCells(rows[0] ?? missingCountyRow('', ''))).toEqual(['奉节县', '6', '1', '1', '1', '1', '1', '1', '72.9%']);
    const doc = buildMunicipalSummaryDocument({ municipality: '重庆市', kind: 'midterm', year: 2023, generatedAt: '2024-03-01T02:00:00Z', rows });
    expect(doc.title).toBe('重庆市各区县科技创新规划中期评估情况汇总');
    const texts = doc.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    expect(texts[0]).toBe('重庆市共 2 个区县，1 个区县已生成2023年报告，1 个区县未生成（城口县：未导入规划）。');
  });
});
