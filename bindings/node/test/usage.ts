// Type-checked by test/types.test.js (tsc --noEmit --strict): the generated
// declarations give typed requests and results.
import { Engine, EdurulesError } from '../index.js';

const engine = new Engine({ preset: 'poland-sio', locale: 'pl' });
const check = engine.call('password.check@1', { password: 'nowak' });
const accepted: boolean = check.accepted;
const due: string = engine.call('deadline.submission@1', { category: 'art. 8 pkt 1 lit. d', change_date: '2025-12-19' }).due_date;
try {
  engine.call('config.presets@1', {});
} catch (e) {
  if (e instanceof EdurulesError) console.log(e.code, accepted, due);
}
engine.close();
