import type { Command } from 'commander';
import type { CliContext } from '../program.ts';
import { registerServe } from './serve.ts';
import { registerMembers } from './members.ts';
import { registerDigest } from './digest.ts';
import { registerExport } from './export.ts';
import { registerMigrate } from './migrate.ts';
import { registerConsole } from './console.ts';
import { registerTeamsPackage } from './teams-package.ts';
import { registerOutbox } from './outbox.ts';
import { registerModerate } from './moderate.ts';
import { registerReport } from './report.ts';
import { registerPrivacy } from './privacy.ts';
import { registerSurvey } from './survey.ts';
import { registerDocuments } from './documents.ts';
import { registerPublish } from './publish.ts';
import { registerCopy } from './copy.ts';
import { registerPoll } from './poll.ts';

export function registerCommands(program: Command, ctx: CliContext): void {
  registerServe(program, ctx);
  registerConsole(program, ctx);
  registerMembers(program, ctx);
  registerDigest(program, ctx);
  registerExport(program, ctx);
  registerMigrate(program, ctx);
  registerTeamsPackage(program, ctx);
  registerOutbox(program, ctx);
  registerModerate(program, ctx);
  registerReport(program, ctx);
  registerPrivacy(program, ctx);
  registerSurvey(program, ctx);
  registerDocuments(program, ctx);
  registerPublish(program, ctx);
  registerCopy(program, ctx);
  registerPoll(program, ctx);
}
