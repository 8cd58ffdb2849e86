// `kechuang sample load|remove` — 示例数据 for the seed plans. `npm start` loads it on first start; remove deletes
// exactly the rows flagged as sample (audited as cli:<os user>).
import type { Command } from 'commander';
import { openDatabase } from '../db/client.ts';
import { operatorAccess } from '../services/auth/access.ts';
import { loadSampleData } from '../services/monitoring/load-sample-data.ts';
import { removeSampleData } from '../services/monitoring/remove-sample-data.ts';
import { cliActor, printJson, runCommand } from './output.ts';

export function registerSampleCommands(program: Command): void {
  const sample = program.command('sample').description('示例数据：载入、删除 / sample monitoring data');

  sample
    .command('load')
    .description('为已导入的规划载入示例数据（已有则跳过）/ load the sample data (once)')
    .option('--json', '输出 JSON / print JSON')
    .action((options: { json?: boolean }) =>
      runCommand(async () => {
        const database = await openDatabase({ url: process.env.DATABASE_URL });
        try {
          const result = await loadSampleData(database.db, operatorAccess(cliActor()));
          if (options.json) return printJson(result);
          if (result.status === 'already-loaded') return console.log('示例数据已载入过，未重复载入');
          for (const county of result.counties) {
            console.log(`已载入示例数据：${county.countyName}，单位 ${county.units} 个，数值 ${county.values} 条`);
          }
        } finally {
          await database.close();
        }
      }),
    );

  sample
    .command('remove')
    .description('删除全部示例数据（仅删除标记为示例的记录）/ delete exactly the sample rows')
    .option('--json', '输出 JSON / print JSON')
    .action((options: { json?: boolean }) =>
      runCommand(async () => {
        const database = await openDatabase({ url: process.env.DATABASE_URL });
        try {
          const removed = await removeSampleData(database.db, operatorAccess(cliActor()));
          if (options.json) return printJson({ counties: removed });
          if (removed.length === 0) return console.log('没有示例数据 / no sample data');
          for (const c of removed) {
            console.log(`已删除示例数据：${c.countyName}，数值 ${c.values} 条，报表 ${c.reports} 份，指标设置 ${c.settings} 项，单位 ${c.units} 个`);
          }
        } finally {
          await database.close();
        }
      }),
    );
}
