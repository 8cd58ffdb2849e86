// `kechuang backup <file>` / `kechuang restore <file>` for the embedded PGlite database. With DATABASE_URL set the
// data lives in PostgreSQL, whose own tools do this properly: we print how, and exit 1.
import type { Command } from 'commander';
import { defaultDataDir } from '../db/client.ts';
import { backupDatabase, pgBackupGuidance, restoreDatabase } from '../services/backup-database.ts';
import { printJson, runCommand } from './output.ts';

function refusePostgres(): boolean {
  const url = process.env.DATABASE_URL;
  if (!url) return false;
  process.stderr.write(`${pgBackupGuidance(url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'))}\n`);
  process.exitCode = 1;
  return true;
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup <file>')
    .description('备份内置数据库（PGlite）到 .tar.gz 文件；请先停止服务 / back up the embedded database (stop the server first)')
    .option('--data-dir <dir>', '数据目录（默认 ./data 或 KECHUANG_DATA_DIR）/ data directory')
    .option('--json', '输出 JSON / print JSON')
    .action((file: string, options: { dataDir?: string; json?: boolean }) =>
      runCommand(async () => {
        if (refusePostgres()) return;
        const result = await backupDatabase(options.dataDir ?? defaultDataDir(), file);
        if (options.json) return printJson(result);
        console.log(`已备份到 ${result.file}（${(result.bytes / 1024 / 1024).toFixed(1)} MB）`);
      }),
    );

  program
    .command('restore <file>')
    .description('从备份文件恢复内置数据库；数据目录非空时须加 --force / restore the embedded database')
    .option('--data-dir <dir>', '数据目录（默认 ./data 或 KECHUANG_DATA_DIR）/ data directory')
    .option('--force', '替换非空数据目录（原数据保留为 <目录>.before-restore-<时间>）/ replace a non-empty data directory')
    .option('--json', '输出 JSON / print JSON')
    .action((file: string, options: { dataDir?: string; force?: boolean; json?: boolean }) =>
      runCommand(async () => {
        if (refusePostgres()) return;
        const result = await restoreDatabase(file, options.dataDir ?? defaultDataDir(), { force: options.force });
        if (options.json) return printJson(result);
        console.log(`已恢复到 ${result.dataDir}`);
        if (result.previousDataDir) console.log(`原数据已保留在 ${result.previousDataDir}，确认无误后可删除`);
      }),
    );
}
