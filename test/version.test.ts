import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';
import { PROJECT_ROOT, runCli } from './helpers.js';

describe('version', () => {
  it('matches package.json and is what --version prints', () => {
    const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(manifest.version);
    expect(runCli(['--version']).stdout).toBe(`${manifest.version}\n`);
  });
});
