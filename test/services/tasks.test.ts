// Tasks, candidates, milestones, task reports with attachments, and the project ledger — against a real database
// (in-memory PGlite, or PostgreSQL when DATABASE_URL is set).
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, taskCandidates } from '../../src/db/schema/index.ts';
import { ALL_COUNTIES } from '../../src/repositories/scope.ts';
import type { Access } from '../../src/services/auth/access.ts';
import { acceptTaskCandidates } from '../../src/services/accept-task-candidates.ts';
import { addTaskReportAttachment, getTaskReportAttachment } from '../../src/services/add-task-report-attachment.ts';
import { buildProjectLedger } from '../../src/services/build-project-ledger.ts';
import { createTask } from '../../src/services/create-task.ts';
import { dropTaskCandidate, restoreTaskCandidate } from '../../src/services/drop-task-candidate.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, VersionConflictError } from '../../src/services/errors.ts';
import { getTask } from '../../src/services/get-task.ts';
import { listProjectLedger } from '../../src/services/list-project-ledger.ts';
import { listTaskCandidates } from '../../src/services/list-task-candidates.ts';
import { listTasks } from '../../src/services/list-tasks.ts';
import { proposeTaskCandidates } from '../../src/services/propose-task-candidates.ts';
import { reviewTaskReport } from '../../src/services/review-task-report.ts';
import { addMilestone, updateMilestone } from '../../src/services/save-milestone.ts';
import { saveLedgerYear } from '../../src/services/save-ledger-year.ts';
import { saveTaskReport } from '../../src/services/save-task-report.ts';
import { submitTaskReport } from '../../src/services/submit-task-report.ts';
import { updateLedgerProject } from '../../src/services/update-ledger-project.ts';
import { updateTask } from '../../src/services/update-task.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { accessAs, addUnit, importSeeds, type SeededPlans } from './monitoring-fixtures.ts';

let database: TestDatabase;
let plans: SeededPlans;
let staff: Access;
let admin: Access;
let otherCounty: Access;
let reporter: Access;
let strangerReporter: Access;
const unit = { tech: '', agri: '', town: '', econ: '', shizhu: '' };
const NOW = new Date('2024-06-03T02:00:00Z');

const db = () => database.db;

beforeAll(async () => {
  database = await createTestDatabase();
  plans = await importSeeds(database.db);
  const fj = plans.fengjie.countyId;
  unit.tech = await addUnit(db(), fj, '县科技局');
  unit.agri = await addUnit(db(), fj, '县农业农村委');
  unit.town = await addUnit(db(), fj, '永乐镇');
  unit.econ = await addUnit(db(), fj, '县经济信息委');
  unit.shizhu = await addUnit(db(), plans.shizhu.countyId, '石柱县科技局');
  staff = accessAs('county_staff', fj, null, 'fj-staff');
  admin = accessAs('county_admin', fj, null, 'fj-admin');
  otherCounty = accessAs('county_staff', plans.shizhu.countyId, null, 'sz-staff');
  reporter = accessAs('unit_reporter', fj, unit.agri, 'fj-agri');
  strangerReporter = accessAs('unit_reporter', fj, unit.econ, 'fj-econ');
});
afterAll(async () => {
  await database.dispose();
});

describe('task candidates', () => {
  it('proposes 111 candidates for 奉节 and 98 for 石柱, stored once, audited', async () => {
    const fj = await proposeTaskCandidates(db(), staff, plans.fengjie.id);
    expect(fj.status).toBe('proposed');
    expect(fj.candidates).toHaveLength(111);
    expect(fj.taskChapters).toEqual(['第三章', '第四章', '第五章', '第六章', '第七章', '第八章', '第九章', '第十章']);
    const sz = await proposeTaskCandidates(db(), otherCounty, plans.shizhu.id);
    expect(sz.candidates).toHaveLength(98);
    const again = await proposeTaskCandidates(db(), staff, plans.fengjie.id);
    expect(again.status).toBe('already-proposed');
    expect(again.candidates.map((c) => c.id)).toEqual(fj.candidates.map((c) => c.id));
    const stored = await db().select({ n: count() }).from(taskCandidates);
    expect(stored[0]?.n).toBe(209);
    const audits = await db().select().from(auditLog).where(eq(auditLog.action, 'task.candidates.propose'));
    expect(audits).toHaveLength(2);
  });

  it('two proposals racing store the candidates once', async () => {
    // 石柱 was proposed above; race a fresh county-level proposal on 奉节 again: the plan lock serialises them.
    const [a, b] = await Promise.all([proposeTaskCandidates(db(), staff, plans.fengjie.id), proposeTaskCandidates(db(), admin, plans.fengjie.id)]);
    expect(a.candidates).toHaveLength(111);
    expect(b.candidates).toHaveLength(111);
  });

  it('another county cannot see or propose them', async () => {
    await expect(listTaskCandidates(db(), otherCounty, plans.fengjie.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(proposeTaskCandidates(db(), otherCounty, plans.fengjie.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('accepts one candidate as a task, with its place in the plan and its text', async () => {
    const candidates = await listTaskCandidates(db(), staff, plans.fengjie.id);
    const orange = candidates.find((c) => c.title === '数字脐橙');
    if (!orange) throw new Error('candidate missing');
    const task = await acceptTaskCandidates(
      db(),
      staff,
      { candidateIds: [orange.id], task: { leadUnitId: unit.agri, responsibleUnitIds: [unit.town], supervisingUnitId: unit.tech, deadline: '2025-06-30' } },
      NOW,
    );
    expect(task).toMatchObject({
      title: '数字脐橙',
      planId: plans.fengjie.id,
      leadUnit: { id: unit.agri, name: '县农业农村委' },
      responsibleUnits: [{ id: unit.town, name: '永乐镇' }],
      supervisingUnit: { id: unit.tech, name: '县科技局' },
      startOn: '2024-06-03',
      deadline: '2025-06-30',
      state: 'active',
    });
    expect(task.description.startsWith('数字脐橙：推动水肥一体化设施')).toBe(true);
    expect(task.outline.map((o) => o.label)).toEqual(['第七章', '一、', '（二）']);
    const after = (await listTaskCandidates(db(), staff, plans.fengjie.id)).find((c) => c.id === orange.id);
    expect(after).toMatchObject({ state: 'accepted', taskId: task.id });
    // The same candidate cannot be accepted twice.
    await expect(acceptTaskCandidates(db(), admin, { candidateIds: [orange.id] }, NOW)).rejects.toBeInstanceOf(ConflictError);
  });

  it('merges several candidates into one task, or into an existing task', async () => {
    const candidates = await listTaskCandidates(db(), staff, plans.fengjie.id, 'proposed');
    const brand = candidates.find((c) => c.title === '品牌脐橙');
    const orchard = candidates.find((c) => c.title === '智慧果园');
    const coop = candidates.find((c) => c.title === '协同合作');
    if (!brand || !orchard || !coop) throw new Error('candidates missing');
    const merged = await acceptTaskCandidates(db(), staff, { candidateIds: [brand.id, orchard.id], task: { title: '脐橙品牌与智慧果园' } }, NOW);
    expect(merged.title).toBe('脐橙品牌与智慧果园');
    expect(merged.description).toContain('品牌脐橙：');
    expect(merged.description).toContain('智慧果园：');
    const into = await acceptTaskCandidates(db(), staff, { candidateIds: [coop.id], intoTaskId: merged.id }, NOW);
    expect(into.id).toBe(merged.id);
    expect(into.description).toContain('协同合作：');
    expect(into.version).toBe(merged.version + 1);
    const states = (await listTaskCandidates(db(), staff, plans.fengjie.id)).filter((c) => [brand.id, orchard.id, coop.id].includes(c.id));
    expect(states.map((c) => c.state).sort()).toEqual(['accepted', 'merged', 'merged']);
  });

  it('drops a candidate with a reason, and restores it', async () => {
    const [candidate] = await listTaskCandidates(db(), staff, plans.fengjie.id, 'proposed');
    if (!candidate) throw new Error('no candidate');
    await expect(dropTaskCandidate(db(), staff, candidate.id, '  ')).rejects.toBeInstanceOf(ValidationError);
    const dropped = await dropTaskCandidate(db(), staff, candidate.id, '属于总体要求，不单列任务');
    expect(dropped).toMatchObject({ state: 'dropped', note: '属于总体要求，不单列任务' });
    await expect(acceptTaskCandidates(db(), staff, { candidateIds: [candidate.id] }, NOW)).rejects.toBeInstanceOf(ConflictError);
    await expect(restoreTaskCandidate(db(), staff, candidate.id, candidate.version)).rejects.toBeInstanceOf(VersionConflictError);
    const restored = await restoreTaskCandidate(db(), staff, candidate.id, dropped.version);
    expect(restored).toMatchObject({ state: 'proposed', note: null });
  });
});

describe('tasks by hand, editing and isolation', () => {
  it('adds a task by hand; refuses units and indicators of another county', async () => {
    const indicator = plans.fengjie.indicators[0];
    const task = await createTask(db(), staff, { title: '建设县级科技成果转化平台', leadUnitId: unit.tech, deadline: '2024-12-31', indicatorIds: indicator ? [indicator.id] : [] }, NOW);
    expect(task).toMatchObject({ title: '建设县级科技成果转化平台', planId: null, outline: [], indicatorIds: [indicator?.id], colour: null });
    await expect(createTask(db(), staff, { title: '错', leadUnitId: unit.shizhu }, NOW)).rejects.toThrow('单位不存在或不属于本县');
    await expect(createTask(db(), staff, { title: '错', indicatorIds: [plans.shizhu.indicators[0]?.id ?? ''] }, NOW)).rejects.toThrow('指标不存在或不属于本县');
    await expect(createTask(db(), staff, { title: '错', startOn: '2024-06-01', deadline: '2024-05-01' }, NOW)).rejects.toThrow('完成期限不能早于开始日期');
  });

  it('edits with optimistic locking and audits before/after', async () => {
    const [task] = (await listTasks(db(), staff, {}, NOW)).filter((t) => t.title === '建设县级科技成果转化平台');
    if (!task) throw new Error('task missing');
    const edited = await updateTask(db(), staff, { taskId: task.id, version: task.version, deadline: '2024-06-05', responsibleUnitIds: [unit.agri] }, NOW);
    expect(edited).toMatchObject({ deadline: '2024-06-05', version: task.version + 1, responsibleUnits: [{ id: unit.agri }] });
    // 2024-06-05 is 2 working days away on 2024-06-03: 蓝.
    expect(edited.colour).toBe('blue');
    await expect(updateTask(db(), admin, { taskId: task.id, version: task.version, title: '过期的修改' }, NOW)).rejects.toBeInstanceOf(VersionConflictError);
    const audit = (await db().select().from(auditLog).where(eq(auditLog.entityId, task.id))).find((a) => a.action === 'task.update');
    expect(audit?.before).toMatchObject({ deadline: '2024-12-31' });
    expect(audit?.after).toMatchObject({ deadline: '2024-06-05' });
  });

  it('a county sees only its own tasks; a reporter only the tasks of their unit', async () => {
    expect(await listTasks(db(), otherCounty, {}, NOW)).toEqual([]);
    const all = await listTasks(db(), staff, {}, NOW);
    const mine = await listTasks(db(), reporter, {}, NOW);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(all.length);
    for (const t of mine) expect([t.leadUnit?.id, ...t.responsibleUnits.map((u) => u.id)]).toContain(unit.agri);
    const foreign = all.find((t) => !mine.some((m) => m.id === t.id));
    if (!foreign) throw new Error('expected a task outside the reporter unit');
    await expect(getTask(db(), strangerReporter, foreign.id, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getTask(db(), otherCounty, foreign.id, NOW)).rejects.toBeInstanceOf(NotFoundError);
    const municipal = accessAs('municipal', null);
    expect((await listTasks(db(), municipal, {}, NOW)).length).toBe(all.length);
  });
});

describe('milestones and reports', () => {
  it('milestones: the bureau plans them, the unit records completion with evidence', async () => {
    const [task] = (await listTasks(db(), staff, {}, NOW)).filter((t) => t.title === '数字脐橙');
    if (!task) throw new Error('task missing');
    const m = await addMilestone(db(), staff, { taskId: task.id, name: '完成轨道运输机选型', dueOn: '2024-05-31' });
    expect((await getTask(db(), staff, task.id, NOW)).colour).toBe('yellow');
    await expect(addMilestone(db(), reporter, { taskId: task.id, name: '自己加', dueOn: '2024-07-01' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateMilestone(db(), reporter, { id: m.id, version: m.version, dueOn: '2024-12-31' }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateMilestone(db(), strangerReporter, { id: m.id, version: m.version, done: true }, NOW)).rejects.toBeInstanceOf(NotFoundError);
    const done = await updateMilestone(db(), reporter, { id: m.id, version: m.version, done: true, evidence: '采购合同编号 FJ-2024-018' }, NOW);
    expect(done).toMatchObject({ doneOn: '2024-06-03', evidence: '采购合同编号 FJ-2024-018' });
    expect((await getTask(db(), staff, task.id, NOW)).colour).toBeNull();
  });

  it('report → submit → return with reason → correct → resubmit → approve moves the task % done', async () => {
    const [task] = (await listTasks(db(), staff, {}, NOW)).filter((t) => t.title === '数字脐橙');
    if (!task) throw new Error('task missing');
    await expect(saveTaskReport(db(), strangerReporter, { taskId: task.id, period: '2024Q2', text: 'x', percentDone: 10 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveTaskReport(db(), reporter, { taskId: task.id, period: '2024季度', text: 'x', percentDone: 10 })).rejects.toBeInstanceOf(ValidationError);
    const draft = await saveTaskReport(db(), reporter, { taskId: task.id, period: '2024年第二季度', text: '', percentDone: 20 });
    // 2024Q2 ends 06-30 (Sunday); 5 working days later is 07-05.
    expect(draft).toMatchObject({ period: '2024Q2', state: 'draft', unitName: '县农业农村委', dueOn: '2024-07-05' });
    await expect(submitTaskReport(db(), reporter, draft.id, draft.version, NOW)).rejects.toThrow('请填写进展情况');
    const written = await saveTaskReport(db(), reporter, { taskId: task.id, period: '2024Q2', text: '已完成轨道运输机选型，正在招标。', percentDone: 20, version: draft.version });
    const submitted = await submitTaskReport(db(), reporter, written.id, written.version, NOW);
    expect(submitted.state).toBe('submitted');
    await expect(saveTaskReport(db(), reporter, { taskId: task.id, period: '2024Q2', text: '改', percentDone: 30 })).rejects.toThrow('不能填报');
    await expect(reviewTaskReport(db(), staff, { reportId: submitted.id, version: submitted.version, decision: 'return' })).rejects.toThrow('退回须填写理由');
    const returned = await reviewTaskReport(db(), staff, { reportId: submitted.id, version: submitted.version, decision: 'return', reason: '请附招标公告' }, NOW);
    expect(returned).toMatchObject({ state: 'returned', reason: '请附招标公告', reviewedBy: 'fj-staff' });
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    const attachment = await addTaskReportAttachment(db(), reporter, { reportId: returned.id, fileName: '招标公告.pdf', bytes: pdf });
    expect(attachment).toMatchObject({ fileType: 'pdf', size: pdf.length, fileName: '招标公告.pdf' });
    await expect(addTaskReportAttachment(db(), reporter, { reportId: returned.id, fileName: '病毒.pdf', bytes: new TextEncoder().encode('MZ\x90\x00 not a pdf') })).rejects.toThrow('文件类型不允许');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    await expect(addTaskReportAttachment(db(), reporter, { reportId: returned.id, fileName: '现场.jpg', bytes: png })).rejects.toThrow('扩展名与内容不符');
    await expect(addTaskReportAttachment(db(), reporter, { reportId: returned.id, fileName: '空.png', bytes: new Uint8Array() })).rejects.toThrow('文件为空');
    await expect(addTaskReportAttachment(db(), strangerReporter, { reportId: returned.id, fileName: 'a.pdf', bytes: pdf })).rejects.toBeInstanceOf(NotFoundError);
    const stored = await getTaskReportAttachment(db(), staff, attachment.id);
    expect(Buffer.from(stored.bytes).equals(Buffer.from(pdf))).toBe(true);
    await expect(getTaskReportAttachment(db(), otherCounty, attachment.id)).rejects.toBeInstanceOf(NotFoundError);

    const again = await submitTaskReport(db(), reporter, returned.id, returned.version, NOW);
    const approved = await reviewTaskReport(db(), staff, { reportId: again.id, version: again.version, decision: 'approve' }, NOW);
    expect(approved).toMatchObject({ state: 'approved', reason: null, attachments: [{ fileName: '招标公告.pdf' }] });
    expect((await getTask(db(), staff, task.id, NOW)).percentDone).toBe(20);
    await expect(addTaskReportAttachment(db(), reporter, { reportId: approved.id, fileName: 'b.pdf', bytes: pdf })).rejects.toThrow('不能填报');
    const detail = await getTask(db(), reporter, task.id, NOW);
    expect(detail.reports.map((r) => [r.period, r.state])).toEqual([['2024Q2', 'approved']]);
  });
});

describe('project ledger', () => {
  it('builds the ledger from both plans once, matching lead units by name', async () => {
    expect(await buildProjectLedger(db(), staff, plans.fengjie.id)).toEqual({ added: 9, total: 9 });
    expect(await buildProjectLedger(db(), staff, plans.fengjie.id)).toEqual({ added: 0, total: 9 });
    expect(await buildProjectLedger(db(), otherCounty, plans.shizhu.id)).toEqual({ added: 26, total: 26 });
    await expect(buildProjectLedger(db(), otherCounty, plans.fengjie.id)).rejects.toBeInstanceOf(NotFoundError);
    const ledger = await listProjectLedger(db(), staff, { planId: plans.fengjie.id }, NOW);
    expect(ledger.projects).toHaveLength(9);
    expect(ledger.totals.all).toMatchObject({ projects: 9, totalInvestment: 172500 });
    expect(ledger.totals.byCategory.reduce((s, t) => s + t.totalInvestment, 0)).toBe(172500);
    const sz = await listProjectLedger(db(), otherCounty, {}, NOW);
    expect(sz.projects).toHaveLength(26);
    expect(sz.totals.all.totalInvestment).toBe(plans.shizhu.projects.reduce((s, p) => Math.round((s + (p.investment ?? 0)) * 100) / 100, 0));
  });

  it('records yearly figures with versions; totals by year and unit follow', async () => {
    const { projects } = await listProjectLedger(db(), staff, { planId: plans.fengjie.id }, NOW);
    const [first, second] = projects;
    if (!first || !second) throw new Error('projects missing');
    const assigned = await updateLedgerProject(db(), staff, { projectId: first.id, version: first.version, leadUnitId: unit.agri });
    expect(assigned.version).toBe(first.version + 1);
    await expect(saveLedgerYear(db(), staff, { projectId: first.id, year: 2023, version: 1, plannedInvestment: 1, completedInvestment: 1, imageProgress: '', percentDone: 1 })).rejects.toBeInstanceOf(VersionConflictError);
    const y2023 = await saveLedgerYear(db(), staff, { projectId: first.id, year: 2023, version: 0, plannedInvestment: 1200, completedInvestment: 1000.5, imageProgress: '主体完工', percentDone: 60 });
    await saveLedgerYear(db(), reporter, { projectId: first.id, year: 2024, version: 0, plannedInvestment: 800, completedInvestment: 300.25, imageProgress: '设备安装', percentDone: 70 });
    await expect(saveLedgerYear(db(), strangerReporter, { projectId: first.id, year: 2024, version: 1, plannedInvestment: 0, completedInvestment: 0, imageProgress: '', percentDone: 0 })).rejects.toBeInstanceOf(NotFoundError);
    await saveLedgerYear(db(), staff, { projectId: second.id, year: 2023, version: 0, plannedInvestment: 500, completedInvestment: 500, imageProgress: '完成', percentDone: 100 });
    await saveLedgerYear(db(), staff, { projectId: first.id, year: 2023, version: y2023.version, plannedInvestment: 1200, completedInvestment: 1100, imageProgress: '主体完工，调试中', percentDone: 65 });
    await expect(saveLedgerYear(db(), staff, { projectId: first.id, year: 2025, version: 0, plannedInvestment: -1, completedInvestment: null, imageProgress: '', percentDone: null })).rejects.toBeInstanceOf(ValidationError);
    const ledger = await listProjectLedger(db(), staff, { planId: plans.fengjie.id }, NOW);
    expect(ledger.totals.byYear).toEqual([
      { key: '2023', projects: 2, totalInvestment: 0, plannedInvestment: 1700, completedInvestment: 1600 },
      { key: '2024', projects: 1, totalInvestment: 0, plannedInvestment: 800, completedInvestment: 300.25 },
    ]);
    // Two plan rows name 县农业农村委 as lead unit (matched at build), plus the one assigned above.
    const agri = ledger.totals.byUnit.find((t) => t.key === '县农业农村委');
    expect(agri).toMatchObject({ projects: 3, completedInvestment: 1900.25 }); // 1100 + 300.25 + the second project's 500
    const project = ledger.projects.find((p) => p.id === first.id);
    expect(project?.years.map((y) => [y.year, y.imageProgress, y.percentDone])).toEqual([[2023, '主体完工，调试中', 65], [2024, '设备安装', 70]]);
    const own = (await listProjectLedger(db(), reporter, {}, NOW)).projects;
    expect(own.map((p) => p.id)).toContain(first.id);
    expect(own.every((p) => p.leadUnit?.id === unit.agri)).toBe(true);
    expect(ALL_COUNTIES.kind).toBe('all');
  });
});
