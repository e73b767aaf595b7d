#!/usr/bin/env node
// Runs the TypeScript CLI in this same process (no child process), so signals such as
// Ctrl-C reach the server directly and it can stop the embedded PostgreSQL cleanly.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
