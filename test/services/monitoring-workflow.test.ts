// The reporting workflow on a real database: settings, entry, submit (missing figures, outliers), return with a
// reason, resubmit, approval (locks, makes official, changes the status), reopen, the official source, stale
// versions, unit confinement, county isolation, attachments, spot checks — and the audit rows of all of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowError } from '../../src/domain/reporting/workflow.ts';
import { listAudit } from '../../src/repositories/audit.ts';
import { countyScope } from '../../src/repositories/scope.ts';
import type { Access } from '../../src/services/auth/access.ts';
import { ForbiddenError, NotFoundError, ValidationError, VersionConflictError } from '../../src/services/errors.ts';
import { approveReport } from '../../src/services/monitoring/approve-report.ts';
import { chooseOfficialValue } from '../../src/services/monitoring/choose-official-value.ts';
import { configureIndicator } from '../../src/services/monitoring/configure-indicator.ts';
import { drawSpotCheck } from '../../src/services/monitoring/draw-spot-check.ts';
import { enterValue, type EnterValueInput } from '../../src/services/monitoring/enter-value.ts';
import { getAttachment } from '../../src/services/monitoring/get-attachment.ts';
import { getIndicatorSeries } from '../../src/services/monitoring/get-indicator-series.ts';
import { getPlanStatus } from '../../src/services/monitoring/get-plan-status.ts';
import { getReport } from '../../src/services/monitoring/get-report.ts';
import { listOutstandingReports } from '../../src/services/monitoring/list-outstanding-reports.ts';
import { recordSpotCheck } from '../../src/services/monitoring/record-spot-check.ts';
import { reopenReport } from '../../src/services/monitoring/reopen-report.ts';
import { returnReport } from '../../src/services/monitoring/return-report.ts';
import { submitReport } from '../../src/services/monitoring/submit-report.ts';
import { uploadAttachment } from '../../src/services/monitoring/upload-attachment.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { accessAs, addUnit, importSeeds, indicatorNamed, type SeededPlans } from './monitoring-fixtures.ts';

let database: TestDatabase;
let plans: SeededPlans;
const ids = { countyId: '', unitId: '', otherUnitId: '', firms: '', hightech: '', planId: '', reportId: '' };
let admin: Access;
let staff: Access;
let reporter: Access;
let otherReporter: Access;

beforeAll(async () => {
  database = await createTestDatabase();
  plans = await importSeeds(database.db);
  ids.countyId = plans.fengjie.countyId;
  ids.planId = plans.fengjie.id;
  ids.unitId = await addUnit(database.db, ids.countyId, '县科技局');
  ids.otherUnitId = await addUnit(database.db, ids.countyId, '县统计局');
  ids.firms = indicatorNamed(plans.fengjie, '科技型企业').id; // 399 → 1000 家
  ids.hightech = indicatorNamed(plans.fengjie, '高新技术企业').id; // 17 → 35 家
  admin = accessAs('county_admin', ids.countyId, null, '县管理员');
  staff = accessAs('county_staff', ids.countyId, null, '县业务员');
  reporter = accessAs('unit_reporter', ids.countyId, ids.unitId, '科技局填报员');
  otherReporter = accessAs('unit_reporter', ids.countyId, ids.otherUnitId, '统计局填报员');
});
afterAll(async () => {
  await database.dispose();
});

const db = () => database.db;
const entry = (over: Partial<EnterValueInput>): EnterValueInput => ({
  indicatorId: ids.firms,
  period: '2021',
  source: 'unit',
  value: 520,
  measureUnit: '家',
  expectedVersion: 0,
  ...over,
});
const statusOf = async (indicatorId: string, period = '2021') =>
  (await getPlanStatus(db(), admin, { planId: ids.planId, period })).indicators.find((i) => i.indicatorId === indicatorId);

describe('indicator settings', () => {
  it('assigns the responsible unit; only the county admin may, and a stale version is refused', async () => {
    await expect(
      configureIndicator(db(), staff, { indicatorId: ids.firms, responsibleUnitId: ids.unitId, frequency: 'year', dueDays: null, targetKind: null, tolerance: null, expectedVersion: 0 }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    for (const indicatorId of [ids.firms, ids.hightech]) {
      const setting = await configureIndicator(db(), admin, {
        indicatorId,
        responsibleUnitId: ids.unitId,
        frequency: 'year',
        dueDays: 60,
        targetKind: null,
        tolerance: null,
        expectedVersion: 0,
      });
      expect(setting).toMatchObject({ responsibleUnitId: ids.unitId, responsibleUnitName: '县科技局', version: 1 });
    }
    const stale = configureIndicator(db(), admin, {
      indicatorId: ids.firms,
      responsibleUnitId: ids.unitId,
      frequency: 'year',
      dueDays: 30,
      targetKind: null,
      tolerance: null,
      expectedVersion: 0,
    });
    await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
    await expect(stale).rejects.toMatchObject({ current: { version: 1, dueDays: 60 } });
  });

  it('refuses a unit of another county', async () => {
    const otherCountyUnit = await addUnit(db(), plans.shizhu.countyId, '石柱县科技局');
    await expect(
      configureIndicator(db(), accessAs('municipal', null), {
        indicatorId: ids.firms,
        responsibleUnitId: otherCountyUnit,
        frequency: 'year',
        dueDays: null,
        targetKind: null,
        tolerance: null,
        expectedVersion: 1,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError); // municipal may not configure at all
  });
});

describe('entering and submitting', () => {
  it('the unit owes 2021–2025 and sees the form for 2021', async () => {
    const owed = await listOutstandingReports(db(), reporter, { today: '2026-11-23' });
    expect(owed.map((o) => [o.period, o.indicatorCount, o.overdue, o.state])).toEqual([
      ['2021', 2, true, null],
      ['2022', 2, true, null],
      ['2023', 2, true, null],
      ['2024', 2, true, null],
      ['2025', 2, true, null],
    ]);
    expect(owed[0]?.dueDate).toBe('2022-03-01'); // 60 days after 2021-12-31
    const form = await getReport(db(), reporter, { unitId: ids.unitId, period: '2021', today: '2022-01-10' });
    expect(form.items.map((i) => i.indicator.row.name)).toEqual(['科技型企业', '高新技术企业']);
    expect(form).toMatchObject({ report: null, overdue: false, dueDate: '2022-03-01' });
  });

  it('checks the unit, the period and the frequency of a figure', async () => {
    await expect(enterValue(db(), reporter, entry({ measureUnit: '个' }))).rejects.toThrow('计量单位应为“家”');
    await expect(enterValue(db(), reporter, entry({ period: '2026' }))).rejects.toThrow('不在规划期');
    await expect(enterValue(db(), reporter, entry({ period: '2021Q1' }))).rejects.toThrow('按年度报送');
    await expect(enterValue(db(), reporter, entry({ period: '21年' }))).rejects.toBeInstanceOf(ValidationError);
  });

  it('a reporter of another unit may not enter the indicator; another county does not even find it', async () => {
    await expect(enterValue(db(), otherReporter, entry({}))).rejects.toBeInstanceOf(ForbiddenError);
    const shizhuAdmin = accessAs('county_admin', plans.shizhu.countyId);
    await expect(enterValue(db(), shizhuAdmin, entry({}))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses to submit with a figure missing, then with an unexplained outlier', async () => {
    const first = await enterValue(db(), reporter, entry({}));
    expect(first).toMatchObject({ value: 520, version: 1, reportState: 'draft', isOfficial: false, unitName: '县科技局' });
    ids.reportId = first.reportId ?? '';
    const form = await getReport(db(), reporter, { unitId: ids.unitId, period: '2021' });
    await expect(submitReport(db(), reporter, { reportId: ids.reportId, expectedVersion: form.report?.version ?? 0 })).rejects.toThrow(
      '“高新技术企业”尚未填报',
    );
    // 100 > 3 × 17 (the plan's 2020 base value stands in for last year).
    await enterValue(db(), reporter, entry({ indicatorId: ids.hightech, value: 100 }));
    const again = await getReport(db(), reporter, { unitId: ids.unitId, period: '2021' });
    expect(again.items[1]?.outlier).toMatchObject({ outlier: true, rule: 'above-factor' });
    const refused = submitReport(db(), reporter, { reportId: ids.reportId, expectedVersion: again.report?.version ?? 0 });
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toThrow('须填写说明后才能提交');
  });

  it('a stale figure version answers 409 with the current figure', async () => {
    const stale = enterValue(db(), reporter, entry({ indicatorId: ids.hightech, value: 101, expectedVersion: 0 }));
    await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
    await expect(stale).rejects.toMatchObject({ current: { value: 100, version: 1 } });
  });

  it('submits once the outlier is explained; the report then locks', async () => {
    await enterValue(db(), reporter, entry({ indicatorId: ids.hightech, value: 100, explanation: '新认定企业集中入库', expectedVersion: 1 }));
    const form = await getReport(db(), reporter, { unitId: ids.unitId, period: '2021' });
    const submitted = await submitReport(db(), reporter, { reportId: ids.reportId, expectedVersion: form.report?.version ?? 0 });
    expect(submitted).toMatchObject({ state: 'submitted', submittedBy: '科技局填报员' });
    await expect(enterValue(db(), reporter, entry({ value: 530, expectedVersion: 1 }))).rejects.toBeInstanceOf(WorkflowError);
    expect((await listOutstandingReports(db(), reporter, { today: '2026-11-23' }))[0]).toMatchObject({ state: 'submitted', overdue: false });
  });
});

describe('review', () => {
  it('returning needs the review right and a reason', async () => {
    const form = await getReport(db(), staff, { unitId: ids.unitId, period: '2021' });
    const version = form.report?.version ?? 0;
    await expect(returnReport(db(), reporter, { reportId: ids.reportId, expectedVersion: version, reason: '数据有误' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(returnReport(db(), staff, { reportId: ids.reportId, expectedVersion: version, reason: '  ' })).rejects.toThrow('必须填写原因');
    const returned = await returnReport(db(), staff, { reportId: ids.reportId, expectedVersion: version, reason: '高新技术企业数与认定名单不符' });
    expect(returned).toMatchObject({ state: 'returned', reason: '高新技术企业数与认定名单不符', reviewedBy: '县业务员' });
  });

  it('the unit corrects and resubmits; a stale approval is refused; approval locks and makes the figures official', async () => {
    await enterValue(db(), reporter, entry({ indicatorId: ids.hightech, value: 21, explanation: null, expectedVersion: 2 }));
    const form = await getReport(db(), reporter, { unitId: ids.unitId, period: '2021' });
    const resubmitted = await submitReport(db(), reporter, { reportId: ids.reportId, expectedVersion: form.report?.version ?? 0 });
    expect(resubmitted.reason).toBeNull();
    await expect(approveReport(db(), staff, { reportId: ids.reportId, expectedVersion: resubmitted.version - 1 })).rejects.toMatchObject({
      current: { state: 'submitted', version: resubmitted.version },
    });
    expect((await statusOf(ids.firms))?.status).toBe('无数据');
    const approved = await approveReport(db(), staff, { reportId: ids.reportId, expectedVersion: resubmitted.version });
    expect(approved.state).toBe('approved');
    await expect(enterValue(db(), reporter, entry({ value: 530, expectedVersion: 1 }))).rejects.toThrow('报表已通过，不能填报');
    const firms = await statusOf(ids.firms);
    // (520 − 399) / (1000 − 399) = 20.1 % against 20 % of the time gone.
    expect(firms).toMatchObject({ status: '基本符合预期', current: { value: 520, dataYear: 2021, source: 'unit' } });
    expect(firms?.completion).toBeCloseTo(121 / 601, 9);
    expect(firms?.schedule).toBeCloseTo(0.2, 9);
    expect((await statusOf(ids.hightech))?.current?.value).toBe(21);
    expect(await listOutstandingReports(db(), reporter, { today: '2026-11-23' })).toHaveLength(4);
  });

  it('reopening needs the county admin and a reason; the figures stop counting until approved again', async () => {
    const form = await getReport(db(), admin, { unitId: ids.unitId, period: '2021' });
    const version = form.report?.version ?? 0;
    await expect(reopenReport(db(), staff, { reportId: ids.reportId, expectedVersion: version, reason: '更正' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reopenReport(db(), admin, { reportId: ids.reportId, expectedVersion: version, reason: '' })).rejects.toBeInstanceOf(ValidationError);
    const reopened = await reopenReport(db(), admin, { reportId: ids.reportId, expectedVersion: version, reason: '统计口径调整，需更正' });
    expect(reopened).toMatchObject({ state: 'returned', reason: '统计口径调整，需更正' });
    expect((await statusOf(ids.firms))?.status).toBe('无数据');
    // Approval and reopening moved the figure's official mark, and with it its version.
    const before = (await getReport(db(), reporter, { unitId: ids.unitId, period: '2021' })).items[0]?.value;
    expect(before).toMatchObject({ value: 520, version: 3, isOfficial: false });
    const corrected = await enterValue(db(), reporter, entry({ value: 540, expectedVersion: 3 }));
    expect(corrected).toMatchObject({ value: 540, version: 4, isOfficial: false });
    const again = await getReport(db(), reporter, { unitId: ids.unitId, period: '2021' });
    const submitted = await submitReport(db(), reporter, { reportId: ids.reportId, expectedVersion: again.report?.version ?? 0 });
    await approveReport(db(), admin, { reportId: ids.reportId, expectedVersion: submitted.version });
    expect((await statusOf(ids.firms))?.current?.value).toBe(540);
  });
});

describe('official source', () => {
  it('the bureau records the 统计局 figure, chooses it as official with a reason, and the status follows', async () => {
    await expect(enterValue(db(), reporter, entry({ source: 'statistics', value: 531 }))).rejects.toBeInstanceOf(ForbiddenError);
    const statistics = await enterValue(db(), staff, entry({ source: 'statistics', value: 531 }));
    expect(statistics).toMatchObject({ source: 'statistics', reportId: null, isOfficial: false }); // the approved unit figure keeps it
    await expect(chooseOfficialValue(db(), staff, { valueId: statistics.id, reason: ' ', expectedVersion: statistics.version })).rejects.toThrow(
      '必须填写原因',
    );
    const chosen = await chooseOfficialValue(db(), staff, {
      valueId: statistics.id,
      reason: '统计局数据为法定统计口径',
      expectedVersion: statistics.version,
    });
    expect(chosen).toMatchObject({ isOfficial: true, officialReason: '统计局数据为法定统计口径' });
    expect((await statusOf(ids.firms))?.current).toMatchObject({ value: 531, source: 'statistics', sourceLabel: '统计局' });
    const series = await getIndicatorSeries(db(), staff, { indicatorId: ids.firms });
    expect(series.sources.map((s) => [s.source, s.values.map((v) => [v.value, v.isOfficial])])).toEqual([
      ['unit', [[540, false]]],
      ['statistics', [[531, true]]],
    ]);
    expect(series.official).toEqual([{ period: '2021', value: 531, source: 'statistics', dataYear: 2021 }]);
    expect(series.path?.[1]?.value).toBeCloseTo(399 + 601 * 0.2, 9);
    const unitHistory = series.sources[0]?.values[0]?.history.map((h) => h.action);
    expect(unitHistory).toEqual(['value.enter', 'value.official', 'value.official', 'value.update', 'value.official']);
  });

  it('a unit figure still in review cannot be made official', async () => {
    const draft = await enterValue(db(), reporter, entry({ period: '2022', value: 600 }));
    await expect(chooseOfficialValue(db(), staff, { valueId: draft.id, reason: '试试', expectedVersion: draft.version })).rejects.toThrow(
      '只能选定已审核通过的数据',
    );
  });
});

describe('evidence and spot checks', () => {
  const pdf = new Uint8Array(Buffer.from('%PDF-1.4\n% 统计表\n'));

  it('stores an attachment checked by content and serves it back; a disguised file is refused', async () => {
    const series = await getIndicatorSeries(db(), reporter, { indicatorId: ids.firms });
    const draft = series.sources[0]?.values.find((v) => v.period === '2022');
    if (!draft) throw new Error('2022 draft missing');
    const stored = await uploadAttachment(db(), reporter, { valueId: draft.id, kind: '统计表', fileName: '2022统计表.pdf', bytes: pdf });
    expect(stored).toMatchObject({ fileType: 'pdf', size: pdf.length, uploadedBy: '科技局填报员' });
    const back = await getAttachment(db(), staff, stored.id);
    expect(Buffer.from(back.bytes).equals(Buffer.from(pdf))).toBe(true);
    expect(back.contentType).toBe('application/pdf');
    await expect(
      uploadAttachment(db(), reporter, { valueId: draft.id, kind: '证明材料', fileName: '截图.png', bytes: pdf }),
    ).rejects.toThrow('扩展名与内容不符');
    await expect(
      uploadAttachment(db(), reporter, { valueId: draft.id, kind: '证明材料', fileName: 'a.exe', bytes: new Uint8Array([0x4d, 0x5a]) }),
    ).rejects.toThrow('文件类型不允许');
    await expect(getAttachment(db(), otherReporter, stored.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAttachment(db(), accessAs('county_admin', plans.shizhu.countyId), stored.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('draws a random sample of submitted figures once, and records the outcome', async () => {
    await expect(drawSpotCheck(db(), reporter, { size: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    const draw = await drawSpotCheck(db(), staff, { size: 5 });
    // The approved 2021 report holds two unit figures; the 2022 draft is not in the pool.
    expect(draw.poolSize).toBe(2);
    expect(draw.checks.map((c) => c.period)).toEqual(['2021', '2021']);
    expect((await drawSpotCheck(db(), staff, { size: 5 })).poolSize).toBe(0);
    const check = draw.checks[0];
    if (!check) throw new Error('no check drawn');
    await expect(recordSpotCheck(db(), staff, { spotCheckId: check.id, outcome: 'discrepancy', expectedVersion: 1 })).rejects.toThrow(
      '必须填写原因',
    );
    const recorded = await recordSpotCheck(db(), staff, {
      spotCheckId: check.id,
      outcome: 'discrepancy',
      note: '台账少 2 家',
      expectedVersion: 1,
    });
    expect(recorded).toMatchObject({ outcome: 'discrepancy', note: '台账少 2 家', checkedBy: '县业务员', version: 2 });
    await expect(recordSpotCheck(db(), staff, { spotCheckId: check.id, outcome: 'confirmed', expectedVersion: 1 })).rejects.toBeInstanceOf(
      VersionConflictError,
    );
  });
});

describe('audit', () => {
  it('every step left a row with who, role and before/after', async () => {
    const rows = await listAudit(db(), countyScope(ids.countyId));
    const actions = rows.map((r) => r.action);
    for (const action of [
      'indicator.configure',
      'value.enter',
      'value.update',
      'report.submit',
      'report.return',
      'report.approve',
      'report.reopen',
      'value.official',
      'attachment.upload',
      'spotcheck.draw',
      'spotcheck.record',
    ]) {
      expect(actions, action).toContain(action);
    }
    const ret = rows.find((r) => r.action === 'report.return');
    expect(ret).toMatchObject({
      actor: '县业务员',
      role: 'county_staff',
      entityId: ids.reportId,
      before: { state: 'submitted' },
      after: { state: 'returned', reason: '高新技术企业数与认定名单不符' },
    });
    const update = rows.find((r) => r.action === 'value.update' && (r.after as { value: number }).value === 540);
    expect(update).toMatchObject({ role: 'unit_reporter', before: { value: 520 } });
    // Nothing of this county was written under another.
    expect(rows.every((r) => r.countyId === ids.countyId)).toBe(true);
  });
});
