import type { Command } from '../command';
import { clusterCommand, digestCommand, summarizeCommand } from './digest';
import { evalCommand } from './eval';
import { exportCommand } from './export';
import { ingestCommand, pollCommand } from './ingest';
import { initCommand } from './init';
import { reportCoverageCommand } from './report';

/** Every CLI command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  initCommand,
  ingestCommand,
  pollCommand,
  clusterCommand,
  summarizeCommand,
  digestCommand,
  exportCommand,
  reportCoverageCommand,
  evalCommand,
];
