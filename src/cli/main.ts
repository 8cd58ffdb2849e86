// `kechuang` — the command line over the same services the web app uses.
import { Command } from 'commander';
import { registerPlanCommands } from './plan-commands.ts';

const program = new Command()
  .name('kechuang')
  .description('科创规划监测与服务平台 命令行 / kechuang command line')
  .showHelpAfterError();

registerPlanCommands(program);

await program.parseAsync(process.argv);
