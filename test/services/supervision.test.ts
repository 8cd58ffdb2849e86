// 三色督办 against a real database: the 督办单 lifecycle (issue → sign → reply → return → close), escalation when
// ignored (blue → yellow → red, red marked overdue once), "a red turns back" when the shortfall is made up, indicator
// colours from the monitoring status, in-app notifications and e-mail through a local SMTP sink, and 考核.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyScope } from '../../src/repositories/scope.ts';
import type { UserRecord } from '../../src/repositories/users.ts';
import { actOnSupervisionOrder } from '../../src/services/act-on-supervision-order.ts';
import { assessUnits } from '../../src/services/assess-units.ts';
import { principalAccess, type Access } from '../../src/services/auth/access.ts';
import { createTask } from '../../src/services/create-task.ts';
import { ForbiddenError, NotFoundError, ValidationError, VersionConflictError } from '../../src/services/errors.ts';
import { exportAssessment } from '../../src/services/export-assessment.ts';
import { listNotifications, readNotifications, setNotificationEmail } from '../../src/services/list-notifications.ts';
import { listSupervisionOrders, type OrderView } from '../../src/services/list-supervision-orders.ts';
import { configureIndicator } from '../../src/services/monitoring/configure-indicator.ts';
import { enterValue } from '../../src/services/monitoring/enter-value.ts';
import { scanSupervision } from '../../src/services/scan-supervision.ts';
import { addMilestone, updateMilestone } from '../../src/services/save-milestone.ts';
import { closeMailers } from '../../src/services/send-mail.ts';
import { updateSupervisionSettings } from '../../src/services/update-supervision-settings.ts';
import { getSupervisionSettings } from '../../src/services/get-supervision-settings.ts';
import { listUnits } from '../../src/repositories/units.ts';
import ExcelJS from 'exceljs';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { createTestUser } from '../support/login.ts';
import { accessAs, importSeeds, indicatorNamed, OPERATOR, type SeededPlans } from './monitoring-fixtures.ts';

interface Received {
  to: string[];
  raw: string;
}

let database: TestDatabase;
let plans: SeededPlans;
let smtp: SMTPServer;
const mail: Received[] = [];
let staff: Access;
let reporter: Access;
let otherReporter: Access;
let otherCounty: Access;
const ids = { agri: '', tech: '', taskA: '', taskB: '', milestoneA: '' };

const db = () => database.db;
/** China noon of a date: the scan's "today". */
const on = (date: string) => new Date(`${date}T12:00:00+08:00`);

function accessOf(user: UserRecord): Access {
  return principalAccess(
    {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      countyId: user.countyId,
      unitId: user.unitId,
      enterpriseId: null,
      mustChangePassword: false,
    },
    '127.0.0.1',
  );
}

async function ordersOf(itemId: string): Promise<OrderView[]> {
  return (await listSupervisionOrders(db(), staff, { itemId })).reverse();
}

function decodeMail(message: string): string {
  // Headers arrive folded, as RFC 2047 encoded words (UTF-8, base64 or quoted-printable); whitespace between two
  // encoded words is not part of the text.
  const raw = message.replace(/\r\n[ \t]+/g, ' ').replace(/\?=\s+=\?/g, '?==?');
  return raw.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mail.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: decodeMail(Buffer.concat(chunks).toString('utf8')) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  process.env.KECHUANG_SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

  database = await createTestDatabase();
  plans = await importSeeds(database.db);
  const county = plans.fengjie.countyName;
  const reporterUser = (await createTestUser(db(), { role: 'unit_reporter', county, unit: '县农业农村委' })).user;
  const staffUser = (await createTestUser(db(), { role: 'county_staff', county })).user;
  const otherUser = (await createTestUser(db(), { role: 'unit_reporter', county, unit: '县科技局' })).user;
  reporter = accessOf(reporterUser);
  staff = accessOf(staffUser);
  otherReporter = accessOf(otherUser);
  otherCounty = accessAs('county_staff', plans.shizhu.countyId);
  const units = await listUnits(db(), countyScope(plans.fengjie.countyId));
  ids.agri = units.find((u) => u.name === '县农业农村委')?.id ?? '';
  ids.tech = units.find((u) => u.name === '县科技局')?.id ?? '';
  await setNotificationEmail(db(), reporter, 'nongye@fengjie.example.cn');
  await setNotificationEmail(db(), staff, 'keji@fengjie.example.cn');
});

afterAll(async () => {
  delete process.env.KECHUANG_SMTP_URL;
  closeMailers();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await database.dispose();
});

describe('督办单 lifecycle and escalation over 国庆 2024', () => {
  it('2024-09-27: a milestone due 10-08 (3 working days away over 国庆) gets a blue order, notice and e-mail', async () => {
    const task = await createTask(db(), staff, { title: '脐橙数字果园建设', leadUnitId: ids.agri, deadline: '2024-12-31', startOn: '2024-01-01' }, on('2024-09-27'));
    ids.taskA = task.id;
    ids.milestoneA = (await addMilestone(db(), staff, { taskId: task.id, name: '完成果园物联网布设', dueOn: '2024-10-08' })).id;
    const summary = await scanSupervision(db(), staff, { now: on('2024-09-27') });
    expect(summary).toMatchObject({ today: '2024-09-27', counties: 1, issued: 1, escalated: 0, resolved: 0 });
    const [order] = await ordersOf(task.id);
    expect(order).toMatchObject({
      colour: 'blue',
      state: 'issued',
      unitId: ids.agri,
      // Sign within 2 working days: 9-29 (调休 Sunday) and 9-30. Reply within 5: 9-29, 9-30, 10-08, 10-09, 10-10.
      signDueOn: '2024-09-30',
      replyDueOn: '2024-10-10',
      reasons: [{ code: 'milestone-near', text: '节点“完成果园物联网布设”将于 2024-10-08 到期（还有 3 个工作日）' }],
    });
    const notices = await listNotifications(db(), reporter);
    expect(notices.unread).toBe(1);
    expect(notices.notifications[0]).toMatchObject({ title: '蓝色督办：脐橙数字果园建设', emailStatus: 'sent', read: false });
    expect(mail).toHaveLength(1);
    expect(mail[0]?.to).toEqual(['nongye@fengjie.example.cn']);
    expect(mail[0]?.raw).toContain('【科创督办】蓝色督办：脐橙数字果园建设');
    // The bureau is not told about a blue order; another unit's reporter sees nothing of it.
    expect((await listNotifications(db(), staff)).notifications).toEqual([]);
    expect(await listSupervisionOrders(db(), otherReporter)).toEqual([]);
  });

  it('the same scan again changes nothing', async () => {
    const summary = await scanSupervision(db(), staff, { now: on('2024-09-27') });
    expect(summary).toMatchObject({ issued: 0, escalated: 0, resolved: 0, markedOverdue: 0 });
  });

  it('2024-10-08: not signed by 09-30 → escalated to yellow with fresh working-day deadlines', async () => {
    const summary = await scanSupervision(db(), staff, { now: on('2024-10-08') });
    expect(summary).toMatchObject({ issued: 1, escalated: 1 });
    const [blue, yellow] = await ordersOf(ids.taskA);
    expect(blue).toMatchObject({ colour: 'blue', state: 'escalated', endNote: '逾期未签收，升级为黄色督办' });
    expect(yellow).toMatchObject({ colour: 'yellow', state: 'issued', escalatedFromId: blue?.id, signDueOn: '2024-10-10', replyDueOn: '2024-10-11' });
    expect((await listNotifications(db(), reporter)).notifications[0]?.title).toBe('黄色督办（逾期未签收，督办升级）：脐橙数字果园建设');
  });

  it('the unit signs; only its own unit may', async () => {
    const [, yellow] = await ordersOf(ids.taskA);
    if (!yellow) throw new Error('yellow order missing');
    await expect(actOnSupervisionOrder(db(), otherReporter, { orderId: yellow.id, version: yellow.version, action: 'sign' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(actOnSupervisionOrder(db(), otherCounty, { orderId: yellow.id, version: yellow.version, action: 'sign' })).rejects.toBeInstanceOf(NotFoundError);
    const signed = await actOnSupervisionOrder(db(), reporter, { orderId: yellow.id, version: yellow.version, action: 'sign' }, on('2024-10-09'));
    expect(signed).toMatchObject({ state: 'signed', signedBy: reporter.actor.name });
    await expect(actOnSupervisionOrder(db(), reporter, { orderId: yellow.id, version: yellow.version, action: 'sign' })).rejects.toBeInstanceOf(VersionConflictError);
    await expect(actOnSupervisionOrder(db(), reporter, { orderId: yellow.id, version: signed.version, action: 'close' })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('2024-10-12 (调休 Saturday, a working day): signed but no reply by 10-11 → red', async () => {
    const summary = await scanSupervision(db(), staff, { now: on('2024-10-12') });
    expect(summary).toMatchObject({ issued: 1, escalated: 1 });
    const orders = await ordersOf(ids.taskA);
    expect(orders.map((o) => `${o.colour}:${o.state}`)).toEqual(['blue:escalated', 'yellow:escalated', 'red:issued']);
    const red = orders[2];
    // The milestone is now overdue: the reasons say so. Reply within 2 working days: 10-14, 10-15.
    expect(red).toMatchObject({ replyDueOn: '2024-10-15', reasons: [{ code: 'milestone-overdue' }] });
    // A red order is also sent to the bureau.
    expect((await listNotifications(db(), staff)).notifications[0]?.title).toBe('红色督办（逾期未反馈，督办升级）：脐橙数字果园建设');
  });

  it('the unit replies on time; the bureau sends the reply back with a reason and a new deadline', async () => {
    const red = (await ordersOf(ids.taskA))[2];
    if (!red) throw new Error('red order missing');
    await expect(actOnSupervisionOrder(db(), reporter, { orderId: red.id, version: red.version, action: 'reply', text: ' ' })).rejects.toBeInstanceOf(ValidationError);
    const replied = await actOnSupervisionOrder(
      db(),
      reporter,
      { orderId: red.id, version: red.version, action: 'reply', text: '物联网设备已到货，10月20日前完成布设。' },
      on('2024-10-14'),
    );
    expect(replied).toMatchObject({ state: 'replied', repliedOn: '2024-10-14', repliedOnTime: true, signedBy: reporter.actor.name });
    expect((await listNotifications(db(), staff)).notifications[0]).toMatchObject({ title: '红色督办已反馈：脐橙数字果园建设', body: '反馈：物联网设备已到货，10月20日前完成布设。' });
    const returned = await actOnSupervisionOrder(db(), staff, { orderId: red.id, version: replied.version, action: 'return', text: '请附设备到货单' }, on('2024-10-14'));
    expect(returned).toMatchObject({ state: 'signed', reviewNote: '请附设备到货单', replyDueOn: '2024-10-16', repliedOnTime: true });
  });

  it('2024-10-17: the red order ignored past 10-16 is marked overdue once, not escalated further', async () => {
    expect(await scanSupervision(db(), staff, { now: on('2024-10-17') })).toMatchObject({ issued: 0, escalated: 0, markedOverdue: 1 });
    expect(await scanSupervision(db(), staff, { now: on('2024-10-18') })).toMatchObject({ issued: 0, markedOverdue: 0 });
    const red = (await ordersOf(ids.taskA))[2];
    expect(red).toMatchObject({ overdue: true, state: 'signed' });
  });

  it('a red turns back once the shortfall is made up: milestone done → order resolved', async () => {
    const task = (await ordersOf(ids.taskA))[2];
    const milestones = await addMilestone(db(), staff, { taskId: ids.taskA, name: '验收', dueOn: '2024-12-20' });
    expect(milestones.name).toBe('验收');
    const m = await updateMilestone(db(), reporter, { id: ids.milestoneA, version: 1, done: true, evidence: '到货单及布设照片' }, on('2024-10-18'));
    expect(m.doneOn).toBe('2024-10-18');
    expect(await scanSupervision(db(), staff, { now: on('2024-10-18') })).toMatchObject({ resolved: 1, issued: 0 });
    const orders = await ordersOf(ids.taskA);
    expect(orders.map((o) => `${o.colour}:${o.state}`)).toEqual(['blue:escalated', 'yellow:escalated', 'red:resolved']);
    expect(orders[2]?.endNote).toBe('情况已消除，红色督办自动解除');
    expect(task?.id).toBe(orders[2]?.id);
    expect((await listNotifications(db(), reporter)).notifications[0]?.title).toBe('督办解除：脐橙数字果园建设');
  });

  it('an overdue task: red, replied and closed (办结); the next scans leave it closed', async () => {
    const task = await createTask(db(), staff, { title: '科技特派员服务站建设', leadUnitId: ids.tech, deadline: '2024-10-31', startOn: '2024-03-01' }, on('2024-11-04'));
    ids.taskB = task.id;
    expect(await scanSupervision(db(), staff, { now: on('2024-11-04') })).toMatchObject({ issued: 1 });
    const [red] = await ordersOf(task.id);
    if (!red) throw new Error('red order missing');
    expect(red).toMatchObject({ colour: 'red', reasons: [{ code: 'overdue', text: '已超过完成期限 2024-10-31（逾期 2 个工作日）' }] });
    const replied = await actOnSupervisionOrder(db(), otherReporter, { orderId: red.id, version: red.version, action: 'reply', text: '已选址，年底建成。' }, on('2024-11-07'));
    expect(replied.repliedOnTime).toBe(false); // due 11-06
    await expect(actOnSupervisionOrder(db(), staff, { orderId: red.id, version: replied.version, action: 'sign' })).rejects.toThrow('督办单已反馈，不能签收');
    const closed = await actOnSupervisionOrder(db(), staff, { orderId: red.id, version: replied.version, action: 'close', text: '同意延期至年底' }, on('2024-11-08'));
    expect(closed).toMatchObject({ state: 'closed', closedBy: staff.actor.name, reviewNote: '同意延期至年底' });
    expect(await scanSupervision(db(), staff, { now: on('2024-11-11') })).toMatchObject({ issued: 0 });
  });
});

describe('indicator colours from the monitoring status', () => {
  it('a 约束性 indicator not met is red for its responsible unit, and turns back when corrected', async () => {
    const air = indicatorNamed(plans.fengjie, '环境空气质量优良天数');
    const admin = accessAs('county_admin', plans.fengjie.countyId);
    await configureIndicator(db(), admin, { indicatorId: air.id, responsibleUnitId: ids.agri, frequency: 'year', dueDays: null, targetKind: null, tolerance: null, expectedVersion: 0 });
    const value = await enterValue(db(), staff, { indicatorId: air.id, period: '2023', source: 'statistics', value: 300, measureUnit: '天', expectedVersion: 0 });
    const summary = await scanSupervision(db(), staff, { now: on('2024-03-04') });
    expect(summary.newOrders.filter((o) => o.itemKind === 'indicator')).toHaveLength(1);
    const [order] = await ordersOf(air.id);
    expect(order).toMatchObject({ colour: 'red', unitId: ids.agri, itemTitle: '环境空气质量优良天数（2023年）', reasons: [{ code: 'binding-not-met' }] });
    expect(order?.reasons[0]?.text).toContain('约束性指标未达标');
    await enterValue(db(), staff, { indicatorId: air.id, period: '2023', source: 'statistics', value: 356, measureUnit: '天', expectedVersion: value.version });
    await scanSupervision(db(), staff, { now: on('2024-03-05') });
    expect((await ordersOf(air.id)).map((o) => o.state)).toEqual(['resolved']);
  });

  it('another county sees none of these orders; a scan there touches only its own items', async () => {
    expect(await listSupervisionOrders(db(), otherCounty)).toEqual([]);
    const summary = await scanSupervision(db(), otherCounty, { now: on('2024-03-05') });
    expect(summary.counties).toBe(1);
    expect(summary.issued).toBe(0);
    await expect(scanSupervision(db(), otherCounty, { countyId: plans.fengjie.countyId, now: on('2024-03-05') })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('two scans racing issue each order once', async () => {
    await createTask(db(), staff, { title: '并发扫描测试任务', leadUnitId: ids.agri, deadline: '2025-01-02', startOn: '2024-01-01' }, on('2024-12-30'));
    const [a, b] = await Promise.all([scanSupervision(db(), staff, { now: on('2024-12-30') }), scanSupervision(db(), OPERATOR, { now: on('2024-12-30') })]);
    expect(a.issued + b.issued).toBe(1 + 1); // the new task (blue) and task A's 验收 milestone (12-20, now overdue: yellow)
    const open = await listSupervisionOrders(db(), staff, { state: 'open' });
    const keys = open.map((o) => `${o.itemKind}:${o.itemId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('notifications', () => {
  it('are the user’s own; marking read; e-mail opt-in checks the address', async () => {
    const before = await listNotifications(db(), reporter);
    expect(before.unread).toBeGreaterThan(3);
    expect(before.email).toBe('nongye@fengjie.example.cn');
    const first = before.notifications[0];
    if (!first) throw new Error('no notification');
    // Another user cannot mark someone else's notification read.
    expect(await readNotifications(db(), otherReporter, [first.id])).toEqual({ marked: 0 });
    expect(await readNotifications(db(), reporter, [first.id])).toEqual({ marked: 1 });
    expect((await listNotifications(db(), reporter)).unread).toBe(before.unread - 1);
    await readNotifications(db(), reporter, 'all');
    expect((await listNotifications(db(), reporter, { unreadOnly: true })).notifications).toEqual([]);
    await expect(setNotificationEmail(db(), reporter, 'not-an-address')).rejects.toBeInstanceOf(ValidationError);
    expect(mail.every((m) => m.to.length === 1)).toBe(true);
    expect(mail.filter((m) => m.to[0] === 'keji@fengjie.example.cn').length).toBeGreaterThan(0);
  });
});

describe('settings and 考核', () => {
  it('the bureau changes the rules and weights (versioned, checked)', async () => {
    const current = await getSupervisionSettings(db(), staff);
    expect(current.version).toBe(0);
    await expect(updateSupervisionSettings(db(), staff, { version: 0, assessmentWeights: { indicators: 0, reports: 0, tasks: 0, supervision: 0 } })).rejects.toBeInstanceOf(ValidationError);
    const saved = await updateSupervisionSettings(db(), staff, { version: 0, colourRules: { ...current.colourRules, blueWithinWorkingDays: 3 } });
    expect(saved).toMatchObject({ version: 1, colourRules: { blueWithinWorkingDays: 3 } });
    await expect(updateSupervisionSettings(db(), staff, { version: 0, colourRules: current.colourRules })).rejects.toBeInstanceOf(VersionConflictError);
  });

  it('ranks the county’s units for 2024 and exports the table', async () => {
    const assessment = await assessUnits(db(), staff, { year: 2024 }, on('2025-01-10'));
    const agri = assessment.rows.find((r) => r.unitName === '县农业农村委');
    const tech = assessment.rows.find((r) => r.unitName === '县科技局');
    // 县农业农村委: orders of 2024 — blue and yellow escalated unanswered, red answered on time, the race task's
    // blue (reply due 2025-01-07, unanswered) and task A's yellow 验收 order → 1 of 5 on time. Task A's milestone
    // 完成果园物联网布设 (due 10-08, done 10-18) late, 验收 (12-20) undone, and task A's deadline 12-31 missed → 0 of 3.
    expect(agri?.counts.supervision).toEqual({ good: 1, total: 5 });
    expect(agri?.counts.tasks).toEqual({ good: 0, total: 3 });
    // 县科技局: its red order answered late; its task's deadline 10-31 missed.
    expect(tech?.counts.supervision).toEqual({ good: 0, total: 1 });
    expect(tech?.counts.tasks).toEqual({ good: 0, total: 1 });
    expect(assessment.rows.every((r) => r.score === null || (r.score >= 0 && r.score <= 100))).toBe(true);
    // Its indicator (优良天数, 356 days in 2023) is on pace: 1 of 1. It owed the 2023 report of that indicator (due
    // 2024-03-30; the figure came from 统计局) and never filed one: 0 of 1. Its tasks were entered after 2024 ended,
    // so no progress report was owed. (40·1 + 20·0 + 25·0 + 15·0.2) / 100.
    expect(agri?.counts.indicators).toEqual({ good: 1, total: 1 });
    expect(agri?.counts.reports).toEqual({ good: 0, total: 1 });
    expect(agri?.score).toBe(43);
    const { bytes, fileName } = await exportAssessment(db(), staff, { year: 2024 }, on('2025-01-10'));
    expect(fileName).toBe('考核排名-奉节县-2024.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('2024年考核');
    expect(sheet?.getRow(1).getCell(1).value).toBe('奉节县 2024 年度部门、乡镇考核排名');
    expect(sheet?.getRow(3).getCell(2).value).toBe('单位');
    expect(sheet?.rowCount).toBe(3 + assessment.rows.length);
    await expect(assessUnits(db(), reporter, { year: 2024 })).resolves.toBeDefined();
  });
});
