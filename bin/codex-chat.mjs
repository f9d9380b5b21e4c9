#!/usr/bin/env node
// The `codex-chat` command: runs the hub's TypeScript entry through tsx (a runtime dependency),
// so the package works from a clone without a separate compile step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/hub/cli.ts');
await main(process.argv.slice(2));
