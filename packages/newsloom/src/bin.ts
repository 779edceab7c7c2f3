#!/usr/bin/env node
import { processIo } from './cli/io';
// The `newsloom` command. Ctrl-C asks the running stage to stop between units of work (the
// store keeps what was saved); a second Ctrl-C exits at once.
import { main } from './cli/main';

const controller = new AbortController();
let interrupts = 0;
process.on('SIGINT', () => {
  interrupts += 1;
  if (interrupts > 1) process.exit(130);
  const clear = process.stderr.isTTY ? '\r\u001b[2K' : '\n';
  process.stderr.write(
    `${clear}newsloom: stopping after the current step (Ctrl-C again to quit now)\n`,
  );
  controller.abort();
});

process.exitCode = await main(process.argv.slice(2), processIo(), controller.signal);
