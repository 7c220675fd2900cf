// One call end to end from Node.js (JSON.stringify, koffi, the ABI, the
// engine, JSON.parse): `EDURULES_LIB=…/release/libedurules_ffi.so node bench.js`.
import { Engine } from './index.js';

const engine = new Engine({ preset: 'poland-sio' });
engine.call('delegation.open@1', { registry: 'sp7', events: [{ type: 'appointment_recorded', on: '2021-09-01',
  appointment: { id: 'p', person: 'jkowalski', entity: 'SP7-Opole', from: '2021-09-01', until: '2026-08-31' } }] });
const cases = [
  ['delegation.decide@1', { registry: 'sp7', person: 'jkowalski', permission: 'pupils:modify', entity: 'SP7-Opole', at: '2026-03-03' }],
  ['deadline.submission@1', { category: 'art. 8 pkt 1 lit. d', change_date: '2025-12-19' }],
  ['password.check@1', { password: 'Kreda-Tablica-7' }],
];
for (const [op, request] of cases) {
  const n = op.startsWith('password') ? 2000 : 50000;
  for (let i = 0; i < n / 10; i++) engine.call(op, request);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) engine.call(op, request);
  const ns = Number(process.hrtime.bigint() - t0) / n;
  console.log(`node ${op}: ${(ns / 1000).toFixed(2)} µs per call (${n} calls)`);
}
engine.close();
