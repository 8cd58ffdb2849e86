// 导入新版本 carries the county's work over: 石柱 with settings, an approved unit report (with an attachment), the
// bureau's statistics, register bindings, a task linked to indicators and a project-ledger year → a revised document
// with one indicator renamed, one indicator and one project removed → the new version's status shows the carried
// values; the removed ones keep their data on the old version and are listed as 数据未迁移. Then two concurrent
// re-imports of 奉节: one wins, the other gets VersionConflictError (409) and leaves nothing behind.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorValues, plans as plansTable, reports } from '../../src/db/schema/index.ts';
import { periodSortKey } from '../../src/domain/reporting/period-sort.ts';
import { listAudit } from '../../src/repositories/audit.ts';
import { queryIndicatorStatusRows } from '../../src/repositories/monitoring-status.ts';
import { countPlans } from '../../src/repositories/plans.ts';
import { ALL_COUNTIES } from '../../src/repositories/scope.ts';
import type { Access } from '../../src/services/auth/access.ts';
import { buildProjectLedger } from '../../src/services/build-project-ledger.ts';
import { createTask } from '../../src/services/create-task.ts';
import { VersionConflictError } from '../../src/services/errors.ts';
import { getPlan } from '../../src/services/get-plan.ts';
import { getTask } from '../../src/services/get-task.ts';
import { listProjectLedger } from '../../src/services/list-project-ledger.ts';
import { approveReport } from '../../src/services/monitoring/approve-report.ts';
import { configureIndicator } from '../../src/services/monitoring/configure-indicator.ts';
import { enterValue } from '../../src/services/monitoring/enter-value.ts';
import { getAttachment } from '../../src/services/monitoring/get-attachment.ts';
import { getPlanStatus } from '../../src/services/monitoring/get-plan-status.ts';
import { periodFromInput } from '../../src/services/monitoring/guards.ts';
import { owedIndicators } from '../../src/services/monitoring/owed-indicators.ts';
import { submitReport } from '../../src/services/monitoring/submit-report.ts';
import { uploadAttachment } from '../../src/services/monitoring/upload-attachment.ts';
import { previewPlanReimport } from '../../src/services/preview-plan-reimport.ts';
import { bindIndicator } from '../../src/services/registers/bind-indicator.ts';
import { reimportPlan } from '../../src/services/reimport-plan.ts';
import { saveLedgerYear } from '../../src/services/save-ledger-year.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { FENGJIE_SEED, SHIZHU_SEED, seedFile } from '../support/seeds.ts';
import { accessAs, addUnit, importSeeds, indicatorNamed, type SeededPlans } from './monitoring-fixtures.ts';

const RD = '全社会研发经费占地区生产总值的比重'; // unchanged, unit report approved
const PATENTS = '每万人有效发明专利拥有量'; // renamed in the revision (paired by 序号 3)
const PATENTS_NEW = '每万人口高价值发明专利拥有量';
const PLATFORMS = '市级以上科技研发平台数量'; // removed in the revision
const HIGHTECH = '高新技术企业数量'; // unchanged, register binding only
const REMOVED_PROJECT = '重庆市石柱黄连科技小院';
const KEPT_PROJECT = '重庆市山地农业科技创新中心';

const shizhuText = Buffer.from(seedFile(SHIZHU_SEED).bytes).toString('utf8');
function revise(text: string): string {
  const renamed = text.replace(`\t${PATENTS}（件）\n`, `\t${PATENTS_NEW}（件）\n`);
  const dropped = renamed.replace(/\t9\n\t市级以上科技研发平台数量（个）\n[^]*?\n\n(?=\t10\n)/u, '');
  return dropped.replace(/\t4\n\t重庆市石柱黄连科技小院\n[^]*?\n\n(?=\t5\n)/u, '');
}
const revised = { fileName: '石柱县科技创新“十四五”规划（中期调整）.txt', bytes: new Uint8Array(Buffer.from(revise(shizhuText), 'utf8')) };
const pdf = new Uint8Array(Buffer.from('%PDF-1.4\n% 统计表\n'));

let database: TestDatabase;
let plans: SeededPlans;
let admin: Access;
let reporter: Access;
const ids = { unit: '', rd: '', patents: '', platforms: '', hightech: '', rdValue: '', attachment: '', report: '', task: '', ledgerKept: '', ledgerRemoved: '' };

beforeAll(async () => {
  database = await createTestDatabase();
  plans = await importSeeds(database.db);
  const countyId = plans.shizhu.countyId;
  ids.unit = await addUnit(database.db, countyId, '石柱县科技局');
  admin = accessAs('county_admin', countyId, null, '石柱管理员');
  reporter = accessAs('unit_reporter', countyId, ids.unit, '科技局填报员');
  ids.rd = indicatorNamed(plans.shizhu, RD).id;
  ids.patents = indicatorNamed(plans.shizhu, PATENTS).id;
  ids.platforms = indicatorNamed(plans.shizhu, PLATFORMS).id;
  ids.hightech = indicatorNamed(plans.shizhu, HIGHTECH).id;
}, 120_000);
afterAll(async () => {
  await database.dispose();
});

const db = () => database.db;

describe('导入新版本 carries the county’s work over', () => {
  it('the revision really renames one indicator and drops one indicator and one project', async () => {
    const preview = await previewPlanReimport(db(), admin, { planId: plans.shizhu.id, ...revised });
    expect(preview.diff.indicators.counts).toEqual({ added: 0, removed: 1, changed: 1 });
    expect(preview.diff.indicators.removed.map((r) => r.key)).toEqual([PLATFORMS]);
    expect(preview.diff.indicators.changed[0]).toMatchObject({ key: PATENTS_NEW, changes: [{ field: 'name', before: PATENTS, after: PATENTS_NEW }] });
    expect(preview.diff.projects.removed.map((r) => r.key)).toEqual([REMOVED_PROJECT]);
  });

  it('the bureau works on version 1: settings, figures, an attachment, bindings, a task and the ledger', async () => {
    for (const indicatorId of [ids.rd, ids.patents, ids.platforms]) {
      await configureIndicator(db(), admin, {
        indicatorId,
        responsibleUnitId: ids.unit,
        frequency: 'year',
        dueDays: 45,
        targetKind: null,
        tolerance: indicatorId === ids.rd ? 0.05 : null,
        expectedVersion: 0,
      });
    }
    const rd = await enterValue(db(), reporter, { indicatorId: ids.rd, period: '2021', source: 'unit', value: 0.9, measureUnit: '%', expectedVersion: 0 });
    ids.rdValue = rd.id;
    ids.attachment = (await uploadAttachment(db(), reporter, { valueId: rd.id, kind: '统计表', fileName: '2021统计表.pdf', bytes: pdf })).id;
    await enterValue(db(), reporter, { indicatorId: ids.patents, period: '2021', source: 'unit', value: 3.6, measureUnit: '件', expectedVersion: 0 });
    await enterValue(db(), reporter, { indicatorId: ids.platforms, period: '2021', source: 'unit', value: 5, measureUnit: '个', expectedVersion: 0 });
    const report = rd.reportId ?? '';
    ids.report = report;
    const submitted = await submitReport(db(), reporter, { reportId: report, expectedVersion: (await reportVersion(report)) });
    await approveReport(db(), admin, { reportId: report, expectedVersion: submitted.version });
    await enterValue(db(), admin, { indicatorId: ids.platforms, period: '2022', source: 'statistics', value: 6, measureUnit: '个', expectedVersion: 0 });
    await bindIndicator(db(), admin, { indicatorId: ids.hightech, rule: 'hnte-valid-at-year-end', params: {}, version: 0 });
    await bindIndicator(db(), admin, { indicatorId: ids.platforms, rule: 'platforms-active-at-year-end', params: {}, version: 0 });
    ids.task = (
      await createTask(db(), admin, { title: '研发投入倍增行动', planId: plans.shizhu.id, startOn: '2022-01-01', indicatorIds: [ids.rd, ids.patents, ids.platforms] })
    ).id;
    await buildProjectLedger(db(), admin, plans.shizhu.id);
    const ledger = await listProjectLedger(db(), admin, { planId: plans.shizhu.id });
    ids.ledgerKept = ledger.projects.find((p) => p.name === KEPT_PROJECT)?.id ?? '';
    ids.ledgerRemoved = ledger.projects.find((p) => p.name === REMOVED_PROJECT)?.id ?? '';
    for (const projectId of [ids.ledgerKept, ids.ledgerRemoved]) {
      await saveLedgerYear(db(), admin, { projectId, year: 2022, version: 0, plannedInvestment: 800, completedInvestment: 500, imageProgress: '主体完工', percentDone: 60 });
    }
    const status = await getPlanStatus(db(), admin, { planId: plans.shizhu.id, period: '2022' });
    expect(status.indicators.find((i) => i.indicatorId === ids.rd)?.current?.value).toBe(0.9);
  });

  let preview: Awaited<ReturnType<typeof previewPlanReimport>>;
  it('the preview says what will follow and what stays behind (数据未迁移), writing nothing', async () => {
    preview = await previewPlanReimport(db(), admin, { planId: plans.shizhu.id, ...revised });
    expect(preview.carryOver).toMatchObject({
      // 研发比重 (setting, figure, task link), the renamed patents (setting, figure, task link), 高企 (binding)
      indicators: 3,
      values: 2,
      settings: 2,
      bindings: 1,
      taskLinks: 2,
      tasks: 1,
      projects: 25,
      renamed: [{ from: PATENTS, to: PATENTS_NEW }],
      notCarried: {
        indicators: [{ name: PLATFORMS, values: 2, hasSetting: true, hasBinding: true, taskLinks: 1 }],
        projects: [{ name: REMOVED_PROJECT, years: 1 }],
      },
    });
    expect(preview.carryOver?.summary).toBe(
      `随新版本迁移：3 项指标的数据（2 个填报值）、1 条任务、25 个台账项目；数据未迁移（新版本已删除，数据留在原版本）：指标「${PLATFORMS}」（2 个填报值）、台账项目「${REMOVED_PROJECT}」`,
    );
    expect(await countPlans(db(), ALL_COUNTIES)).toBe(2);
  });

  let v2 = '';
  it('commit: the new version’s status shows the carried figures, settings and official choice', async () => {
    const reportBefore = await reportVersion(ids.report);
    const result = await reimportPlan(db(), admin, { planId: plans.shizhu.id, ...revised });
    expect(result).toMatchObject({ status: 'imported', version: 2, previousPlanId: plans.shizhu.id });
    expect(result.carryOver).toEqual(preview.carryOver);
    v2 = result.planId;
    const plan = await getPlan(db(), ALL_COUNTIES, v2);
    const newRd = indicatorNamed(plan, RD).id;
    const newPatents = indicatorNamed(plan, PATENTS_NEW).id;
    expect(plan.indicators.map((i) => i.name)).not.toContain(PLATFORMS);

    const status = await getPlanStatus(db(), admin, { planId: v2, period: '2022' });
    const rd = status.indicators.find((i) => i.indicatorId === newRd);
    expect(rd).toMatchObject({ current: { value: 0.9, dataYear: 2021 }, responsibleUnitName: '石柱县科技局' });
    expect(status.indicators.find((i) => i.indicatorId === newPatents)?.current?.value).toBe(3.6);
    // The figure kept its id, its report (still approved, version bumped for stale templates) and its attachment.
    const [value] = await db().select().from(indicatorValues).where(eq(indicatorValues.id, ids.rdValue));
    expect(value).toMatchObject({ indicatorId: newRd, isOfficial: true, reportId: ids.report });
    const [report] = await db().select().from(reports).where(eq(reports.id, ids.report));
    expect(report).toMatchObject({ state: 'approved', version: reportBefore + 1 });
    expect((await getAttachment(db(), admin, ids.attachment)).fileName).toBe('2021统计表.pdf');

    // The municipal view (each county's latest current plan) reads version 2 too.
    const municipal = await queryIndicatorStatusRows(db(), ALL_COUNTIES, { asOfSort: periodSortKey(periodFromInput('2025')) });
    expect(new Set(municipal.filter((r) => r.countyName === '石柱县').map((r) => r.planId))).toEqual(new Set([v2]));
    expect(municipal.find((r) => r.indicatorId === newRd)?.folded).toBe('2021:0.9:unit');
  });

  it('the removed indicator keeps its figures, setting and binding on version 1 and is owed by no one', async () => {
    const old = await getPlanStatus(db(), admin, { planId: plans.shizhu.id, period: '2022' });
    expect(old.indicators.find((i) => i.indicatorId === ids.platforms)).toMatchObject({ current: { value: 6 }, responsibleUnitName: '石柱县科技局' });
    expect(old.indicators.find((i) => i.indicatorId === ids.rd)?.current).toBeNull();
    const [left] = await db().select({ n: count() }).from(indicatorValues).where(eq(indicatorValues.indicatorId, ids.platforms));
    expect(left?.n).toBe(2);
    const owed = await owedIndicators(db(), plans.shizhu.countyId, ids.unit, periodFromInput('2023'));
    const plan = await getPlan(db(), ALL_COUNTIES, v2);
    expect(owed.map((i) => i.id).sort()).toEqual([indicatorNamed(plan, RD).id, indicatorNamed(plan, PATENTS_NEW).id].sort());
  });

  it('a figure entered against version 1 after the re-import is refused (409), not left behind on the old version', async () => {
    const stale = enterValue(db(), admin, { indicatorId: ids.platforms, period: '2024', source: 'statistics', value: 9, expectedVersion: 0 });
    await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
    await expect(stale).rejects.toThrow('该规划已导入新版本');
    const [left] = await db().select({ n: count() }).from(indicatorValues).where(eq(indicatorValues.indicatorId, ids.platforms));
    expect(left?.n).toBe(2);
  });

  it('the task, its indicator links and the ledger follow; the removed project’s ledger entry stays', async () => {
    const plan = await getPlan(db(), ALL_COUNTIES, v2);
    const task = await getTask(db(), admin, ids.task);
    expect(task.planId).toBe(v2);
    expect([...task.indicatorIds].sort()).toEqual([indicatorNamed(plan, RD).id, indicatorNamed(plan, PATENTS_NEW).id, ids.platforms].sort());
    const ledger = await listProjectLedger(db(), admin, { planId: v2 });
    expect(ledger.projects).toHaveLength(25);
    const kept = ledger.projects.find((p) => p.id === ids.ledgerKept);
    expect(kept?.years).toMatchObject([{ year: 2022, completedInvestment: 500, percentDone: 60 }]);
    const oldLedger = await listProjectLedger(db(), admin, { planId: plans.shizhu.id });
    expect(oldLedger.projects.map((p) => [p.id, p.years.length])).toEqual([[ids.ledgerRemoved, 1]]);
    // The kept entry now points at the new version's plan row, so building the ledger again adds nothing twice.
    expect(await buildProjectLedger(db(), admin, v2)).toMatchObject({ added: 0, total: 25 });
  });

  it('one audit row records the re-import with what was carried and what was not', async () => {
    const audit = (await listAudit(db(), ALL_COUNTIES, { entity: 'plan', entityId: v2 })).filter((r) => r.action === 'plan.reimport');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({
      carryOver: {
        summary: preview.carryOver?.summary,
        rows: { settings: 2, values: 2, bindings: 1, taskLinks: 2, tasks: 1, ledgerProjects: 25, reports: 1 },
        notCarried: { indicators: [{ name: PLATFORMS }] },
      },
    });
    expect(await countPlans(db(), ALL_COUNTIES)).toBe(2);
  });
});

describe('two concurrent re-imports of the same version', () => {
  it('one wins, the other answers VersionConflictError (409) and writes nothing', async () => {
    const fengjie = plans.fengjie;
    const countyId = fengjie.countyId;
    const fengjieAdmin = accessAs('county_admin', countyId, null, '奉节管理员');
    const unit = await addUnit(db(), countyId, '奉节县科技局');
    const firms = indicatorNamed(fengjie, '科技型企业').id;
    await configureIndicator(db(), fengjieAdmin, { indicatorId: firms, responsibleUnitId: unit, frequency: 'year', dueDays: null, targetKind: null, tolerance: null, expectedVersion: 0 });
    await enterValue(db(), fengjieAdmin, { indicatorId: firms, period: '2022', source: 'statistics', value: 520, measureUnit: '家', expectedVersion: 0 });
    const text = Buffer.from(seedFile(FENGJIE_SEED).bytes).toString('utf8');
    // Two different revisions (different bytes), so neither can pass as "already imported".
    const a = { fileName: '奉节修订甲.txt', bytes: new Uint8Array(Buffer.from(`${text}\n`, 'utf8')) };
    const b = { fileName: '奉节修订乙.txt', bytes: new Uint8Array(Buffer.from(`${text}\n\n`, 'utf8')) };
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(false);

    const results = await Promise.allSettled([
      reimportPlan(db(), fengjieAdmin, { planId: fengjie.id, ...a }),
      reimportPlan(db(), fengjieAdmin, { planId: fengjie.id, ...b }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.reason).toBeInstanceOf(VersionConflictError);
    expect((lost[0]?.reason as Error).message).toContain('此规划已有更新的版本');
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof reimportPlan>>>).value;
    expect((lost[0]?.reason as VersionConflictError).current).toMatchObject({ id: winner.planId, version: 2 });

    // Exactly one version 2, one audit row; the loser's file is stored nowhere; the figure moved once.
    const versions = await db().select({ id: plansTable.id, fileName: plansTable.sourceFileName }).from(plansTable).where(eq(plansTable.countyId, countyId));
    expect(versions).toHaveLength(2);
    expect(versions.map((v) => v.id)).toContain(winner.planId);
    const reimports = (await listAudit(db(), ALL_COUNTIES, { entity: 'plan', entityId: winner.planId })).filter((r) => r.action === 'plan.reimport');
    expect(reimports).toHaveLength(1);
    const newFirms = indicatorNamed(await getPlan(db(), ALL_COUNTIES, winner.planId), '科技型企业').id;
    const moved = await db()
      .select({ n: count() })
      .from(indicatorValues)
      .where(and(eq(indicatorValues.countyId, countyId), eq(indicatorValues.indicatorId, newFirms)));
    expect(moved[0]?.n).toBe(1);
    const status = await getPlanStatus(db(), fengjieAdmin, { planId: winner.planId, period: '2022' });
    expect(status.indicators.find((i) => i.indicatorId === newFirms)?.current?.value).toBe(520);
    expect(await countPlans(db(), ALL_COUNTIES)).toBe(2);
  });
});

async function reportVersion(reportId: string): Promise<number> {
  const [row] = await database.db.select({ version: reports.version }).from(reports).where(eq(reports.id, reportId));
  if (!row) throw new Error('report missing');
  return row.version;
}
