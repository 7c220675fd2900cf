// The conformance suite (bindings/conformance/*.json) through the Node binding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, dirname } from 'node:path';

import { Engine, EdurulesError, version, protocolVersion } from '../index.js';

const dir = realpathSync(join(dirname(fileURLToPath(import.meta.url)), '../../conformance'));

/** Whether `actual` has everything `expected` has (arrays: same length). */
function matches(expected, actual) {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && expected.length === actual.length
      && expected.every((e, i) => matches(e, actual[i]));
  }
  if (expected !== null && typeof expected === 'object') {
    return actual !== null && typeof actual === 'object' && !Array.isArray(actual)
      && Object.entries(expected).every(([k, v]) => k in actual && matches(v, actual[k]));
  }
  return expected === actual;
}

test('versions', () => {
  assert.match(version(), /^\d+\.\d+\.\d+/);
  assert.equal(protocolVersion(), 1);
});

for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const suite = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  for (const c of suite.cases) {
    test(`${file}: ${c.name}`, () => {
      let engine;
      try {
        engine = new Engine(c.engine);
      } catch (e) {
        assert.ok(e instanceof EdurulesError);
        assert.ok(matches(c.expect, e.envelope), JSON.stringify(e.envelope));
        return;
      }
      try {
        for (const step of c.setup ?? []) engine.call(step.operation, step.request);
        const raw = c.request_text ?? JSON.stringify(c.request);
        const request = raw.replaceAll('{conformance}', dir);
        const envelope = engine.callEnvelope(c.operation ?? suite.operation, request);
        assert.ok(matches(c.expect, envelope), JSON.stringify(envelope));
      } finally {
        engine.close();
      }
    });
  }
}

test('a failure is an EdurulesError carrying the code', () => {
  const engine = new Engine({ preset: 'poland-sio', locale: 'pl' });
  assert.throws(() => engine.call('deadline.submission@1', { category: 'art. 99', change_date: '2025-01-10' }),
    (e) => e instanceof EdurulesError && e.code === 'deadline.unknown_category');
  engine.close();
  assert.throws(() => engine.call('config.presets@1'), /closed/);
});
