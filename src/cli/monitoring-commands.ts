// `kechuang monitoring status|compare|adopt-settings` — the status tables from the console (operator: all counties),
// and 沿用上一规划的指标设置 for a newly imported plan (dry run unless --commit).
import type { Command } from 'commander';
import { openDatabase } from '../db/client.ts';
import { formatPercent } from '../domain/progress/status.ts';
import { formatPlain } from '../domain/progress/target-kind.ts';
import { adoptedParts } from '../domain/reporting/adopt-settings.ts';
import { operatorAccess } from '../services/auth/access.ts';
import { adoptPreviousPlanSettings } from '../services/monitoring/adopt-previous-plan-settings.ts';
import { compareCounties } from '../services/monitoring/compare-counties.ts';
import { getPlanStatus } from '../services/monitoring/get-plan-status.ts';
import { cliActor, printJson, runCommand } from './output.ts';

const percent = (share: number | null) => (share === null ? '—' : `${formatPercent(share)}%`);

export function registerMonitoringCommands(program: Command): void {
  const monitoring = program.command('monitoring').description('指标监测：进度与评价 / indicator monitoring');

  monitoring
    .command('status <planId>')
    .description('规划主要指标完成情况 / status of a plan’s indicators')
    .option('--period <period>', '期间，如 2024、2024H1、2024Q2 / period')
    .option('--json', '输出 JSON / print JSON')
    .action((planId: string, options: { period?: string; json?: boolean }) =>
      runCommand(async () => {
        const database = await openDatabase({ url: process.env.DATABASE_URL });
        try {
          const status = await getPlanStatus(database.db, operatorAccess(cliActor()), { planId, period: options.period });
          if (options.json) return printJson(status);
          console.log(`${status.planTitle}（截至${status.periodLabel}）`);
          for (const i of status.indicators) {
            const current = i.current === null ? '—' : `${formatPlain(i.current.value)}（${i.current.periodLabel}）`;
            console.log(`${i.seq}. ${i.name}  当前 ${current}  完成 ${percent(i.completion)}  序时 ${percent(i.schedule)}  ${i.status}`);
          }
          console.log(Object.entries(status.counts).map(([s, n]) => `${s} ${n}`).join('，'));
        } finally {
          await database.close();
        }
      }),
    );

  monitoring
    .command('compare')
    .description('各区县指标对比（市级视图）/ counties side by side')
    .option('--period <period>', '期间 / period')
    .option('--json', '输出 JSON / print JSON')
    .action((options: { period?: string; json?: boolean }) =>
      runCommand(async () => {
        const database = await openDatabase({ url: process.env.DATABASE_URL });
        try {
          const view = await compareCounties(database.db, operatorAccess(cliActor()), { period: options.period });
          if (options.json) return printJson(view);
          console.log(`指标\t${view.counties.map((c) => c.countyName).join('\t')}`);
          for (const row of view.rows) console.log(`${row.name}\t${row.cells.map((c) => c?.status ?? '—').join('\t')}`);
        } finally {
          await database.close();
        }
      }),
    );

  monitoring
    .command('adopt-settings <planId>')
    .description('沿用上一规划的指标设置（责任单位、报送频次与期限、容差、登记系统绑定；默认只预览）/ adopt the previous plan’s indicator settings (dry run unless --commit)')
    .option('--commit', '写入（不加此项只预览）/ write (dry run without it)')
    .option('--json', '输出 JSON / print JSON')
    .action((planId: string, options: { commit?: boolean; json?: boolean }) =>
      runCommand(async () => {
        const database = await openDatabase({ url: process.env.DATABASE_URL });
        try {
          const commit = options.commit === true;
          const result = await adoptPreviousPlanSettings(database.db, operatorAccess(cliActor()), { planId, commit });
          if (options.json) return printJson(result);
          if (result.previousPlan === null) {
            console.log(`${result.plan.title}：没有更早的规划，无可沿用的设置`);
            return;
          }
          console.log(`${result.plan.title} ← 沿用 ${result.previousPlan.title} 的指标设置${commit ? '' : '（预览，未写入；加 --commit 写入）'}`);
          for (const row of result.rows) {
            const from = row.previous === null ? '—' : row.previous.name;
            const adopted = adoptedParts(row).join('，');
            const notes = row.notes.map((n) => n.message).join('；');
            console.log(`${row.name}  ←  ${from}  ${adopted === '' ? '不沿用' : adopted}${notes === '' ? '' : `  （${notes}）`}`);
          }
          const { counts } = result;
          console.log(`指标 ${counts.indicators} 项，对应上一规划 ${counts.matched} 项；沿用设置 ${counts.settings} 项、登记系统绑定 ${counts.bindings} 项，未沿用 ${counts.skipped} 项`);
          if (result.written) console.log(`已写入：指标设置 ${result.written.settings} 项，登记系统绑定 ${result.written.bindings} 项`);
        } finally {
          await database.close();
        }
      }),
    );
}
