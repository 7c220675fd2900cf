// The Node example: poland-sio, a password, a delegation, a deadline.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { Engine } from '../index.js';

test('example: password, delegation, deadline on poland-sio', () => {
  const engine = new Engine({ preset: 'poland-sio', locale: 'pl' });
  const check = engine.call('password.check@1', { password: 'nowak' });
  assert.equal(check.accepted, false);
  assert.equal(check.violations[0].code, 'password.too_short');
  engine.call('delegation.open@1', {
    registry: 'sp7',
    events: [{ type: 'appointment_recorded', on: '2021-09-01', appointment: {
      id: 'powierzenie-2021', person: 'jkowalski', entity: 'SP7-Opole', from: '2021-09-01', until: '2026-08-31' } }],
  });
  const d = engine.call('delegation.decide@1', {
    registry: 'sp7', person: 'jkowalski', permission: 'pupils:modify', entity: 'SP7-Opole', at: '2026-03-03',
  });
  assert.equal(d.allowed, true);
  const due = engine.call('deadline.submission@1', { category: 'art. 8 pkt 1 lit. d', change_date: '2025-12-19' });
  assert.equal(due.due_date, '2025-12-29');
  engine.close();
});
