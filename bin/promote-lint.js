#!/usr/bin/env node
// Tiny on purpose: everything lives in main(), which returns the exit code.
import { run } from '../dist/cli/run.js';

process.exitCode = await run(process.argv.slice(2));
