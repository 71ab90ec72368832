#!/usr/bin/env node
// The package's command: `zignsec-mock [start] [--port N ...]` runs the mock, `zignsec-mock verify PACTS`
// verifies consumer pacts against it. The sources are TypeScript, run through tsx in this process.
import process from 'node:process';
import { register } from 'tsx/esm/api';

// Pact's libraries report usage to their maintainers unless told not to; nothing leaves this machine.
process.env.PACT_DO_NOT_TRACK ??= 'true';
register();
await import('../contracts/cli/main.ts');
