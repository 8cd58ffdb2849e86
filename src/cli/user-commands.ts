// `kechuang user add|list|reset-password` — the operator at the console (acts with full rights, audited as cli:<os user>).
import type { Command } from 'commander';
import { openDatabase } from '../db/client.ts';
import { UNIT_KINDS, type UnitKind } from '../db/schema/index.ts';
import { isRole, ROLE_LABELS, ROLES, type Role } from '../domain/access.ts';
import { operatorAccess } from '../services/auth/access.ts';
import { createUser } from '../services/auth/create-user.ts';
import { listUsers } from '../services/auth/list-users.ts';
import { resetPassword } from '../services/auth/reset-password.ts';
import { ValidationError } from '../services/errors.ts';
import { cliActor, printJson, runCommand } from './output.ts';

async function withDatabase<T>(run: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase({ url: process.env.DATABASE_URL });
  try {
    return await run(database.db);
  } finally {
    await database.close();
  }
}

/** 乡/镇/街道 names are townships; everything else is taken to be a department unless --unit-kind says otherwise. */
function guessUnitKind(name: string): UnitKind {
  return /(乡|镇|街道)$/.test(name) ? '乡镇' : '部门';
}

function printOneTimePassword(username: string, password: string): void {
  console.log(`账户：${username}`);
  console.log(`一次性密码：${password}`);
  console.log('（仅显示这一次；首次登录后须修改密码 / shown once, must be changed at first sign-in）');
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('账户：创建、列表、重置密码 / user accounts');

  user
    .command('add')
    .description('创建账户并打印一次性密码 / create a user and print a one-time password')
    .requiredOption('--username <name>', '用户名 / username')
    .requiredOption('--role <role>', `角色 / role: ${ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join(' | ')}`)
    .option('--county <name>', '区县名称（市科技局账户不填）/ county name (not for municipal)')
    .option('--unit <name>', '部门/乡镇名称，不存在则创建 / unit name, created if missing')
    .option('--unit-kind <kind>', `单位类型 / unit kind: ${UNIT_KINDS.join(' | ')}`)
    .option('--display-name <name>', '显示名称 / display name')
    .option('--enterprise <id>', '企业编号（企业用户）/ enterprise id')
    .option('--json', '输出 JSON / print JSON')
    .action(
      (options: {
        username: string;
        role: string;
        county?: string;
        unit?: string;
        unitKind?: string;
        displayName?: string;
        enterprise?: string;
        json?: boolean;
      }) =>
        runCommand(async () => {
          if (!isRole(options.role)) throw new ValidationError(`未知角色“${options.role}”，可选：${ROLES.join(', ')} / unknown role`);
          const role: Role = options.role;
          if (options.unitKind !== undefined && !(UNIT_KINDS as readonly string[]).includes(options.unitKind)) {
            throw new ValidationError(`单位类型须为 ${UNIT_KINDS.join(' 或 ')} / unit kind must be 部门 or 乡镇`);
          }
          const result = await withDatabase((db) =>
            createUser(db, operatorAccess(cliActor()), {
              username: options.username,
              displayName: options.displayName,
              role,
              county: options.county ? { name: options.county } : undefined,
              unit: options.unit
                ? { name: options.unit, kind: (options.unitKind as UnitKind | undefined) ?? guessUnitKind(options.unit) }
                : undefined,
              enterpriseId: options.enterprise,
            }),
          );
          if (options.json) return printJson(result);
          console.log(`已创建${ROLE_LABELS[result.user.role]}账户${result.user.countyName ? `（${result.user.countyName}${result.user.unitName ? ` ${result.user.unitName}` : ''}）` : ''}`);
          printOneTimePassword(result.user.username, result.oneTimePassword);
        }),
    );

  user
    .command('list')
    .description('列出账户 / list users')
    .option('--json', '输出 JSON / print JSON')
    .action((options: { json?: boolean }) =>
      runCommand(async () => {
        const users = await withDatabase((db) => listUsers(db, operatorAccess(cliActor())));
        if (options.json) return printJson(users);
        if (users.length === 0) console.log('暂无账户（启动服务时会自动创建管理员 admin）');
        for (const u of users) {
          const where = [u.countyName ?? '全市', u.unitName].filter(Boolean).join(' ');
          const flags = [u.mustChangePassword ? '待改密' : null, u.lockedUntil && new Date(u.lockedUntil) > new Date() ? '已锁定' : null]
            .filter(Boolean)
            .join(' ');
          console.log(`${u.username}  ${u.displayName}  ${ROLE_LABELS[u.role]}  ${where}${flags ? `  [${flags}]` : ''}`);
        }
      }),
    );

  user
    .command('reset-password <username>')
    .description('重置密码（并解除锁定），打印新的一次性密码 / reset a password and unlock')
    .option('--json', '输出 JSON / print JSON')
    .action((username: string, options: { json?: boolean }) =>
      runCommand(async () => {
        const result = await withDatabase((db) => resetPassword(db, operatorAccess(cliActor()), { username }));
        if (options.json) return printJson(result);
        printOneTimePassword(result.user.username, result.oneTimePassword);
      }),
    );
}
