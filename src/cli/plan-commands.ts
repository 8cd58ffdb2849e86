import type { Command } from 'commander';
import { openDatabase } from '../db/client.ts';
import { ALL_COUNTIES } from '../repositories/scope.ts';
import { IMPORT_STEPS, importPlan } from '../services/import-plan.ts';
import { listPlans } from '../services/list-plans.ts';
import { parsePlanFile } from '../services/parse-plan-file.ts';
import { readPlanFile } from '../services/read-plan-file.ts';
import { cliActor, createProgress, printJson, runCommand } from './output.ts';

export function registerPlanCommands(program: Command): void {
  const plan = program.command('plan').description('规划文档：解析、导入、列表 / plan documents');

  plan
    .command('parse <file>')
    .description('解析规划文档（.txt / .docx），不写数据库 / parse a plan, no database')
    .option('--json', '输出 JSON / print JSON')
    .action((file: string, options: { json?: boolean }) =>
      runCommand(async () => {
        const parsed = await parsePlanFile(file);
        if (options.json) return printJson(parsed);
        console.log(`${parsed.title}`);
        console.log(`区县：${parsed.region ?? '—'}  规划期：${parsed.periodStart ?? '?'}—${parsed.periodEnd ?? '?'}`);
        console.log(
          `章节标题 ${parsed.outline.length} 个，指标 ${parsed.indicators.length} 项，专栏 ${parsed.boxes.length} 个，项目 ${parsed.projects.length} 个`,
        );
        for (const warning of parsed.warnings) console.log(`提示：${warning.message}`);
      }),
    );

  plan
    .command('import <file>')
    .description('导入规划文档到数据库（同一文件不会重复导入）/ import a plan into the database')
    .option('--county <name>', '区县名称（标题中无区县时）/ county name when the title names none')
    .option('--json', '输出 JSON 摘要 / print a JSON summary')
    .action((file: string, options: { county?: string; json?: boolean }) =>
      runCommand(async () => {
        const planFile = await readPlanFile(file);
        const database = await openDatabase({ url: process.env.DATABASE_URL });
        const progress = createProgress(IMPORT_STEPS.length, !options.json);
        try {
          const result = await importPlan(
            database.db,
            { ...planFile, actor: cliActor(), countyName: options.county },
            (step, label) => progress.update(step + 1, label),
          );
          progress.stop();
          if (options.json || !process.stdout.isTTY) return printJson(result);
          console.log(
            result.status === 'imported'
              ? `已导入：${result.title}（${result.countyName}）指标 ${result.counts.indicators} 项，专栏 ${result.counts.boxes} 个，项目 ${result.counts.projects} 个`
              : `该规划已导入过，未重复导入：${result.title}（${result.countyName}）`,
          );
        } finally {
          progress.stop();
          await database.close();
        }
      }),
    );

  plan
    .command('list')
    .description('列出已导入的规划 / list imported plans')
    .option('--json', '输出 JSON / print JSON')
    .action((options: { json?: boolean }) =>
      runCommand(async () => {
        const database = await openDatabase({ url: process.env.DATABASE_URL });
        try {
          const plans = await listPlans(database.db, ALL_COUNTIES);
          if (options.json) return printJson(plans);
          if (plans.length === 0) console.log('暂无规划，请先导入（kechuang plan import 文件）');
          for (const p of plans) console.log(`${p.id}  ${p.countyName}  ${p.title}  指标 ${p.indicatorCount}  项目 ${p.projectCount}`);
        } finally {
          await database.close();
        }
      }),
    );
}
