// Every CLI command, in the order `conway --help` lists them. Add a command here and nowhere else.
import { analyzeCommand } from './analyze';
import { checkCommand } from './check';
import { initCommand } from './init';
import { peopleCommand } from './people';
import type { Command } from './command';
import { reviewCommand } from './review';
import { validateCommand } from './validate';
import { whoCommand } from './who';
import { mergeCommand } from './merge';
import { snapshotCommand, trendCommand } from './snapshot';
import { scorecardCommand } from './scorecard';

export const commands: Command[] = [
  analyzeCommand,
  checkCommand,
  reviewCommand,
  whoCommand,
  validateCommand,
  peopleCommand,
  initCommand,
  mergeCommand,
  snapshotCommand,
  trendCommand,
  scorecardCommand,
];
