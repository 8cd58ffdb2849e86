// `kechuang report annual|midterm|final --plan <id> --year <y> --out <file.docx>`: one plan's report as Word plus
// its Excel annex beside it; `kechuang report batch <kind> --municipality <name> --out <file.zip>`: every county of
// a municipality plus the comparison summary, zipped. The operator at the console acts over all counties.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { openDatabase } from '../db/client.ts';
import { isReportKind, REPORT_KIND_LABELS, REPORT_KINDS, type ReportKind } from '../domain/reports/model.ts';
import { operatorAccess } from '../services/auth/access.ts';
import { ValidationError } from '../services/errors.ts';
import { generateMunicipalReports } from '../services/generate-municipal-reports.ts';
import { generateReport } from '../services/generate-report.ts';
import { cliActor, createProgress, printJson, runCommand } from './output.ts';

const PROGRESS_STEPS = 100;

function parseYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const year = Number(value);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new ValidationError(`年份不正确：${value}（应为 2023 这样的四位年份） / invalid year`);
  }
  return year;
}

function parseKind(value: string): ReportKind {
  if (!isReportKind(value)) throw new ValidationError(`报告类型不正确：${value}（annual、midterm 或 final） / invalid kind`);
  return value;
}

function write(path: string, bytes: Uint8Array): string {
  const full = resolve(path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, bytes);
  return full;
}

export function registerReportCommands(program: Command): void {
  const report = program.command('report').description('评估报告：年度监测、中期评估、总结评估（Word + Excel 附件） / evaluation reports');

  for (const kind of REPORT_KINDS) {
    report
      .command(kind)
      .description(`生成${REPORT_KIND_LABELS[kind]}（.docx，同名 .xlsx 附件） / ${kind} report of one plan`)
      .requiredOption('--plan <id>', '规划编号（kechuang plan list 可查） / plan id')
      .option('--year <year>', '评估年份（默认：中期为规划中间年，总结为末年，年度为上一年） / report year')
      .option('--out <file>', '输出 .docx 文件（附件 .xlsx 写在同一目录） / output .docx')
      .option('--json', '输出 JSON 摘要 / print a JSON summary')
      .action((options: { plan: string; year?: string; out?: string; json?: boolean }) =>
        runCommand(async () => {
          const year = parseYear(options.year);
          const database = await openDatabase({ url: process.env.DATABASE_URL });
          const progress = createProgress(PROGRESS_STEPS, !options.json);
          try {
            const started = performance.now();
            const result = await generateReport(database.db, operatorAccess(cliActor()), { planId: options.plan, kind, year }, (share, step) =>
              progress.update(Math.round(share * PROGRESS_STEPS), step),
            );
            progress.stop();
            const [docx, xlsx] = result.files;
            if (!docx || !xlsx) throw new Error('report files missing');
            const docxPath = options.out ?? docx.fileName;
            const stem = basename(docxPath, extname(docxPath));
            const written = [write(docxPath, docx.bytes), write(join(dirname(docxPath), `${stem}（附件）.xlsx`), xlsx.bytes)];
            const summary = {
              kind,
              year: result.data.year,
              county: result.data.county.name,
              plan: result.data.plan.title,
              indicators: result.data.indicators.length,
              files: written,
              ms: Math.round(performance.now() - started),
            };
            if (options.json || !process.stdout.isTTY) return printJson(summary);
            console.log(`已生成${REPORT_KIND_LABELS[kind]}（${summary.county}，${summary.year}年）：`);
            for (const file of written) console.log(`  ${file}`);
          } finally {
            progress.stop();
            await database.close();
          }
        }),
      );
  }

  report
    .command('batch <kind>')
    .description('全市批量：每个区县一份报告 + 全市对比汇总，打包为 .zip（kind: annual、midterm、final） / municipal batch')
    .option('--municipality <name>', '地市名称（区县的 municipality），不填为全部区县 / municipality')
    .option('--year <year>', '评估年份 / report year')
    .requiredOption('--out <file>', '输出 .zip 文件 / output .zip')
    .option('--json', '输出 JSON 摘要 / print a JSON summary')
    .action((kindArg: string, options: { municipality?: string; year?: string; out: string; json?: boolean }) =>
      runCommand(async () => {
        const kind = parseKind(kindArg);
        const year = parseYear(options.year);
        const database = await openDatabase({ url: process.env.DATABASE_URL });
        const progress = createProgress(PROGRESS_STEPS, !options.json);
        try {
          const started = performance.now();
          const result = await generateMunicipalReports(
            database.db,
            operatorAccess(cliActor()),
            { municipality: options.municipality ?? null, kind, year },
            (share, step) => progress.update(Math.round(share * PROGRESS_STEPS), step),
          );
          progress.stop();
          const file = write(options.out, result.zip.bytes);
          const summary = {
            kind,
            counties: result.rows.length,
            reported: result.rows.filter((r) => r.counts !== null).length,
            missing: result.rows.filter((r) => r.counts === null).map((r) => ({ county: r.countyName, reason: r.problem })),
            file,
            ms: Math.round(performance.now() - started),
          };
          if (options.json || !process.stdout.isTTY) return printJson(summary);
          console.log(`已生成 ${summary.reported}/${summary.counties} 个区县的报告：${file}`);
          for (const m of summary.missing) console.log(`  未生成：${m.county}（${m.reason ?? ''}）`);
        } finally {
          progress.stop();
          await database.close();
        }
      }),
    );
}
