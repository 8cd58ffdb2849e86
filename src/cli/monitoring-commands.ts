// `kechuang monitoring status|compare` — the status tables from the console (operator: all counties).
import type { Command } from 'commander';
import { openDatabase } from '../db/client.ts';
import { formatPercent } from '../domain/progress/status.ts';
import { formatPlain } from '../domain/progress/target-kind.ts';
import { operatorAccess } from '../services/auth/access.ts';
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
}
