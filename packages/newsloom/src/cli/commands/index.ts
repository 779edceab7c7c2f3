import type { Command } from '../command';
import { clusterCommand, digestCommand, summarizeCommand } from './digest';
import { evalCommand } from './eval';
import { exportCommand } from './export';
import { ingestCommand } from './ingest';
import { initCommand } from './init';
import { pollCommand } from './poll';
import { reportQuarantineCommand } from './quarantine';
import { reportCoverageCommand } from './report';
import { migrateCommand, workerCommand } from './worker';

/**
 * Every CLI command, in the order `--help` lists them.
 * @example COMMANDS.map((command) => command.name)
 */
export const COMMANDS: readonly Command[] = [
  initCommand,
  ingestCommand,
  pollCommand,
  clusterCommand,
  summarizeCommand,
  digestCommand,
  exportCommand,
  reportCoverageCommand,
  reportQuarantineCommand,
  evalCommand,
  workerCommand,
  migrateCommand,
];
