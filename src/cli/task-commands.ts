// `kechuang supervision scan` (run daily from cron: colours, issues and escalates 督办单, sends e-mail),
// `kechuang holidays` (the working-day calendar in force), `kechuang tasks propose` and `kechuang ledger build`
// (the plan → tasks / project ledger steps), `kechuang assessment export`.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { openDatabase, type DatabaseHandle } from '../db/client.ts';
import { addDays, chinaDate, isIsoDate } from '../domain/supervision/calendar.ts';
import { findCountyByName } from '../repositories/counties.ts';
import { operatorAccess } from '../services/auth/access.ts';
import { buildProjectLedger } from '../services/build-project-ledger.ts';
import { NotFoundError, ValidationError } from '../services/errors.ts';
import { exportAssessment } from '../services/export-assessment.ts';
import { proposeTaskCandidates } from '../services/propose-task-candidates.ts';
import { scanSupervision } from '../services/scan-supervision.ts';
import { closeMailers } from '../services/send-mail.ts';
import { loadWorkingCalendar } from '../services/supervision-calendar.ts';
import { cliActor, printJson, runCommand } from './output.ts';

async function withDatabase<T>(run: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  const database = await openDatabase({ url: process.env.DATABASE_URL });
  try {
    return await run(database);
  } finally {
    closeMailers();
    await database.close();
  }
}

async function countyIdOf(database: DatabaseHandle, name: string | undefined): Promise<string | undefined> {
  if (name === undefined) return undefined;
  const county = await findCountyByName(database.db, name);
  if (!county) throw new NotFoundError('county', name, `区县不存在：${name} / county not found`);
  return county.id;
}

export function registerTaskCommands(program: Command): void {
  const supervision = program.command('supervision').description('三色督办 / supervision');
  supervision
    .command('scan')
    .description('扫描任务、项目与指标，下发、升级或解除督办单（建议每个工作日运行一次）/ issue and escalate orders')
    .option('--county <name>', '只扫描一个区县 / one county only')
    .option('--date <YYYY-MM-DD>', '按指定日期扫描（补跑）/ scan as of a date')
    .option('--json', '输出 JSON / print JSON')
    .action((options: { county?: string; date?: string; json?: boolean }) =>
      runCommand(async () => {
        if (options.date !== undefined && !isIsoDate(options.date)) throw new ValidationError('日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD');
        const summary = await withDatabase(async (database) =>
          scanSupervision(database.db, operatorAccess(cliActor()), {
            countyId: await countyIdOf(database, options.county),
            now: options.date ? new Date(`${options.date}T12:00:00+08:00`) : undefined,
          }),
        );
        if (options.json) return printJson(summary);
        console.log(
          `${summary.today}：扫描 ${summary.counties} 个区县、${summary.items} 项；新下发 ${summary.issued}，升级 ${summary.escalated}，解除 ${summary.resolved}，标记逾期 ${summary.markedOverdue}；邮件发送 ${summary.mails.sent}，失败 ${summary.mails.failed}`,
        );
        for (const order of summary.newOrders) console.log(`  ${order.colourLabel}色督办：${order.itemTitle}（反馈期限 ${order.replyDueOn}）`);
      }),
    );

  program
    .command('holidays [year]')
    .description('显示工作日日历：法定节假日与调休上班日 / the working-day calendar in force')
    .option('--json', '输出 JSON / print JSON')
    .action((year: string | undefined, options: { json?: boolean }) =>
      runCommand(async () => {
        const calendar = loadWorkingCalendar();
        const y = year === undefined ? Number(chinaDate(new Date()).slice(0, 4)) : Number(year);
        if (!Number.isInteger(y) || y < 1900 || y > 2200) throw new ValidationError('年份不正确 / invalid year');
        const days: { date: string; kind: string; name: string | null }[] = [];
        for (let date = `${y}-01-01`; date.startsWith(String(y)); date = addDays(date, 1)) {
          const day = calendar.day(date);
          if (day.kind === '法定节假日' || day.kind === '调休上班') days.push({ date, kind: day.kind, name: day.name });
        }
        const covered = calendar.covers(`${y}-01-01`);
        if (options.json) return printJson({ year: y, source: calendar.table.source, covered, years: calendar.table.years, days });
        console.log(`节假日数据：${calendar.table.source}（${calendar.table.years[0]}–${calendar.table.years.at(-1)} 年）`);
        if (!covered) console.log(`注意：${y} 年不在节假日数据中，仅按周末计算。请更新 chinese-days 或用 KECHUANG_HOLIDAYS_FILE 提供该年安排。`);
        for (const d of days) console.log(`${d.date}  ${d.kind}  ${d.name ?? ''}`);
      }),
    );

  program
    .command('tasks-propose <planId>')
    .description('从规划提出候选任务（专栏条目与任务章节段落）/ propose task candidates from a plan')
    .option('--from <chapter>', '任务章节起，如 第三章')
    .option('--to <chapter>', '任务章节止，如 第十章')
    .option('--json', '输出 JSON / print JSON')
    .action((planId: string, options: { from?: string; to?: string; json?: boolean }) =>
      runCommand(async () => {
        const chapters = options.from && options.to ? { from: options.from, to: options.to } : undefined;
        const result = await withDatabase((database) => proposeTaskCandidates(database.db, operatorAccess(cliActor()), planId, { chapters }));
        if (options.json) return printJson(result);
        console.log(`${result.status === 'proposed' ? '已提出' : '此前已提出'}候选任务 ${result.candidates.length} 项（任务章节：${result.taskChapters.join('、')}）`);
        for (const note of result.notes) console.log(`提示：${note}`);
      }),
    );

  program
    .command('ledger-build <planId>')
    .description('由规划项目清单生成项目台账（不会重复生成）/ build the project ledger from a plan')
    .action((planId: string) =>
      runCommand(async () => {
        const result = await withDatabase((database) => buildProjectLedger(database.db, operatorAccess(cliActor()), planId));
        console.log(`项目台账新增 ${result.added} 项（规划共 ${result.total} 项）`);
      }),
    );

  program
    .command('assessment-export <county> <year> <file>')
    .description('导出部门、乡镇考核排名 .xlsx / export the assessment ranking')
    .action((county: string, year: string, file: string) =>
      runCommand(async () => {
        const result = await withDatabase(async (database) =>
          exportAssessment(database.db, operatorAccess(cliActor()), { year: Number(year), countyId: await countyIdOf(database, county) }),
        );
        await writeFile(file, result.bytes);
        console.log(`已导出：${file}`);
      }),
    );
}
