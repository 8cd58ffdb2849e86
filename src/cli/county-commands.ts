// `kechuang county list|set-municipality` — 区县归属 from the console: which 地市 each county belongs to (what
// `report batch --municipality` selects by). Same services as the web app; the operator acts with full rights and is
// audited as cli:<os user>.
import type { Command } from 'commander';
import { openDatabase } from '../db/client.ts';
import { operatorAccess } from '../services/auth/access.ts';
import { assignCountyMunicipality } from '../services/assign-county-municipality.ts';
import { NotFoundError, ValidationError } from '../services/errors.ts';
import { listCounties } from '../services/list-counties.ts';
import { cliActor, printJson, runCommand } from './output.ts';

async function withDatabase<T>(body: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase({ url: process.env.DATABASE_URL });
  try {
    return await body(database.db);
  } finally {
    await database.close();
  }
}

export function registerCountyCommands(program: Command): void {
  const county = program.command('county').description('区县：列表、所属地市 / counties and their municipality');

  county
    .command('list')
    .description('列出区县及所属地市、现行规划数 / list counties')
    .option('--json', '输出 JSON / print JSON')
    .action((options: { json?: boolean }) =>
      runCommand(async () => {
        const counties = await withDatabase((db) => listCounties(db, operatorAccess(cliActor())));
        if (options.json) return printJson({ counties });
        if (counties.length === 0) return console.log('暂无区县（导入规划时自动创建）/ no counties yet');
        for (const c of counties) console.log(`${c.name}\t所属地市：${c.municipality ?? '（未设置）'}\t规划 ${c.planCount} 个\t版本 ${c.version}`);
      }),
    );

  county
    .command('set-municipality <county> <municipality>')
    .description('设置区县的所属地市（传空字符串 "" 则清除）/ set a county’s municipality ("" clears it)')
    .option('--expect-version <n>', '仅当区县仍为此版本时修改（否则 409）/ write only if the county is still at this version')
    .option('--json', '输出 JSON / print JSON')
    .action((name: string, municipality: string, options: { expectVersion?: string; json?: boolean }) =>
      runCommand(async () => {
        const expected = options.expectVersion === undefined ? null : Number(options.expectVersion);
        if (expected !== null && !(Number.isInteger(expected) && expected >= 1)) {
          throw new ValidationError(`版本号应为正整数：${options.expectVersion ?? ''} / --expect-version must be a positive integer`);
        }
        const updated = await withDatabase(async (db) => {
          const access = operatorAccess(cliActor());
          const found = (await listCounties(db, access)).find((c) => c.name === name.trim());
          if (!found) throw new NotFoundError('county', name, `区县不存在：${name} / county not found`);
          // Without --expect-version the operator means "whatever it is now": quote the version just read.
          return assignCountyMunicipality(db, access, { countyId: found.id, version: expected ?? found.version, municipality });
        });
        if (options.json) return printJson(updated);
        console.log(`${updated.name} 所属地市：${updated.municipality ?? '（已清除）'}`);
      }),
    );
}
