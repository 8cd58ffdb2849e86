// `kechuang` — the command line over the same services the web app uses.
import { Command } from 'commander';
import { registerBackupCommands } from './backup-commands.ts';
import { registerCountyCommands } from './county-commands.ts';
import { registerMonitoringCommands } from './monitoring-commands.ts';
import { registerPlanCommands } from './plan-commands.ts';
import { registerRegisterCommands } from './register-commands.ts';
import { registerReportCommands } from './report-commands.ts';
import { registerSampleCommands } from './sample-commands.ts';
import { registerTaskCommands } from './task-commands.ts';
import { registerUserCommands } from './user-commands.ts';

const program = new Command()
  .name('kechuang')
  .description('科创规划监测与服务平台 命令行 / kechuang command line')
  .showHelpAfterError();

registerPlanCommands(program);
registerReportCommands(program);
registerUserCommands(program);
registerBackupCommands(program);
registerMonitoringCommands(program);
registerSampleCommands(program);
registerRegisterCommands(program);
registerTaskCommands(program);
registerCountyCommands(program);

await program.parseAsync(process.argv);
