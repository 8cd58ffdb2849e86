// `kechuang register …` — the 登记系统 from the command line: the import template, Excel bulk import (dry run first),
// expiry alerts, the funnel and the rule packs. Same services as the web app; the operator names the county.
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { openDatabase } from '../db/client.ts';
import { RULE_PACK_KIND_LABELS, RULE_PACK_KINDS, type RulePackKind } from '../domain/registers/rule-packs.ts';
import { findCountyByName } from '../repositories/counties.ts';
import { countyScope } from '../repositories/scope.ts';
import { operatorAccess, type Access } from '../services/auth/access.ts';
import { NotFoundError, ValidationError } from '../services/errors.ts';
import { buildEnterpriseTemplate } from '../services/registers/enterprise-workbook.ts';
import { getFunnel } from '../services/registers/get-funnel.ts';
import { importEnterprises } from '../services/registers/import-enterprises.ts';
import { listExpiryAlerts } from '../services/registers/list-certifications.ts';
import { listRulePacks } from '../services/registers/list-rule-packs.ts';
import { cliActor, printJson, runCommand } from './output.ts';

async function withDatabase<T>(body: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase({ url: process.env.DATABASE_URL });
  try {
    return await body(database.db);
  } finally {
    await database.close();
  }
}

/** The operator's access, narrowed to one county when --county is given (reads then show that county only). */
async function countyAccess(db: Parameters<typeof findCountyByName>[0], county: string | undefined): Promise<Access> {
  const access = operatorAccess(cliActor());
  if (!county) return access;
  const found = await findCountyByName(db, county);
  if (!found) throw new NotFoundError('county', county, `区县不存在：${county} / county not found`);
  return { ...access, scope: countyScope(found.id) };
}

export function registerRegisterCommands(program: Command): void {
  const register = program.command('register').description('登记系统：企业库导入、资格到期提醒、梯度培育漏斗、规则包 / registers');

  register
    .command('template <out>')
    .description('写出企业名录导入模板（.xlsx）/ write the enterprise import template')
    .action((out: string) =>
      runCommand(async () => {
        await writeFile(out, await buildEnterpriseTemplate());
        console.log(`已写出导入模板：${out}`);
      }),
    );

  register
    .command('import <file>')
    .description('批量导入企业名录（任一单元格有误则不导入）/ bulk-import enterprises (all or nothing)')
    .requiredOption('--county <name>', '区县名称 / county name')
    .option('--dry-run', '只检查不写入 / check only')
    .option('--json', '输出 JSON / print JSON')
    .action((file: string, options: { county: string; dryRun?: boolean; json?: boolean }) =>
      runCommand(async () => {
        const bytes = new Uint8Array(await readFile(file));
        const result = await withDatabase((db) =>
          importEnterprises(db, operatorAccess(cliActor()), { bytes, fileName: basename(file), dryRun: options.dryRun, county: options.county }),
        );
        if (options.json) printJson(result);
        else if (result.status === 'invalid') {
          for (const e of result.errors) console.log(e.text);
          console.log(`共 ${result.errors.length} 处错误，未导入任何数据`);
        } else {
          const verb = result.status === 'preview' ? '检查通过（未写入）' : '已导入';
          console.log(`${verb}：${result.rowCount} 行，新增企业 ${result.created} 家，更新 ${result.updated} 家，年度数据 ${result.figureRows} 行`);
        }
        if (result.status === 'invalid') process.exitCode = 1;
      }),
    );

  register
    .command('alerts')
    .description('资格证书到期提醒（如高企3年有效期）/ certificate expiry alerts')
    .option('--county <name>', '区县名称 / county name')
    .option('--within <days>', '提前天数 / days ahead', '90')
    .option('--json', '输出 JSON / print JSON')
    .action((options: { county?: string; within: string; json?: boolean }) =>
      runCommand(async () => {
        const within = Number(options.within);
        if (!Number.isInteger(within) || within < 0) throw new ValidationError('--within 应为非负整数 / must be a whole number');
        const alerts = await withDatabase(async (db) => listExpiryAlerts(db, await countyAccess(db, options.county), { withinDays: within }));
        if (options.json) return printJson(alerts);
        if (alerts.length === 0) console.log(`${within} 天内无到期资格`);
        for (const a of alerts) console.log(a.message);
      }),
    );

  register
    .command('funnel')
    .description('梯度培育漏斗（入库→科技型中小企业→高企培育库→高企→专精特新）/ cultivation funnel')
    .requiredOption('--year <year>', '年度 / year')
    .option('--county <name>', '区县名称 / county name')
    .option('--json', '输出 JSON / print JSON')
    .action((options: { year: string; county?: string; json?: boolean }) =>
      runCommand(async () => {
        const year = Number(options.year);
        if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new ValidationError('--year 应为四位年份 / must be a year');
        const funnel = await withDatabase(async (db) => getFunnel(db, await countyAccess(db, options.county), year));
        if (options.json) return printJson(funnel);
        for (const s of funnel.stages) {
          const rate = s.conversionRate === null ? '' : `  转化率 ${(s.conversionRate * 100).toFixed(1)}%`;
          console.log(`${s.label.padEnd(8, '　')} ${String(s.count).padStart(5)} 家  其中来自上一环节 ${s.fromPrevious}${rate}`);
        }
      }),
    );

  register
    .command('rule-packs')
    .description('规则包及其版本、文号、生效期 / rule packs')
    .option('--kind <kind>', `类别：${RULE_PACK_KINDS.join(' / ')}`)
    .option('--json', '输出 JSON / print JSON')
    .action((options: { kind?: string; json?: boolean }) =>
      runCommand(async () => {
        if (options.kind !== undefined && !(RULE_PACK_KINDS as readonly string[]).includes(options.kind)) {
          throw new ValidationError(`未知类别：${options.kind} / unknown kind`);
        }
        const packs = await withDatabase((db) => listRulePacks(db, options.kind as RulePackKind | undefined));
        if (options.json) return printJson(packs);
        for (const p of packs) {
          const to = p.effectiveTo ?? '至今';
          console.log(`${p.inForceToday ? '●' : '○'} ${RULE_PACK_KIND_LABELS[p.kind]}  ${p.version}  ${p.docNumber}  ${p.effectiveFrom}—${to}  ${p.reliability}`);
        }
      }),
    );
}
