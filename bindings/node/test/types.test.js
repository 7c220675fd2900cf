// index.d.ts is generated from docs/schema/ffi and must be up to date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

test('index.d.ts matches the JSON Schemas', () => {
  const script = fileURLToPath(new URL('../scripts/types.js', import.meta.url));
  const run = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
});

test('the declarations type-check with TypeScript --strict', () => {
  const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
  const files = ['../index.d.ts', 'usage.ts'].map((f) => fileURLToPath(new URL(f, import.meta.url)));
  const run = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'nodenext', ...files], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
