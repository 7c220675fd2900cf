// edurules for Node.js (>= 20): a thin layer over the edurules C ABI
// (crates/edurules-ffi/include/edurules.h) through koffi. It converts JSON,
// calls the library and turns failure envelopes into EdurulesError; it holds
// no rules of its own.
import koffi from 'koffi';

let lib = null;
let fns = null;

/** The shared library's file name on this platform. */
function defaultLibrary() {
  if (process.env.EDURULES_LIB) return process.env.EDURULES_LIB;
  if (process.platform === 'win32') return 'edurules_ffi.dll';
  if (process.platform === 'darwin') return 'libedurules_ffi.dylib';
  return 'libedurules_ffi.so';
}

/**
 * Loads the library once (from `path`, else $EDURULES_LIB, else the system's
 * search path). Called by the first Engine; call it first to choose the file.
 */
export function load(path = defaultLibrary()) {
  if (fns) return fns;
  lib = koffi.load(path);
  fns = {
    version: lib.func('const char *edurules_version(void)'),
    protocolVersion: lib.func('uint32_t edurules_protocol_version(void)'),
    engineNew: lib.func('void *edurules_engine_new(const uint8_t *options, size_t options_len, _Out_ void **error)'),
    engineFree: lib.func('void edurules_engine_free(void *engine)'),
    call: lib.func('void *edurules_call(void *engine, const uint8_t *operation, size_t operation_len, const uint8_t *request, size_t request_len, _Out_ size_t *response_len)'),
    free: lib.func('void edurules_free(void *text)'),
  };
  return fns;
}

/** The library's version, e.g. "0.1.0". */
export function version() {
  return load().version();
}

/** The protocol version (the highest `@N` of the operations). */
export function protocolVersion() {
  return load().protocolVersion();
}

/** Copies and frees a string the library returned. */
function take(f, ptr, len) {
  try {
    return koffi.decode(ptr, 'char', len);
  } finally {
    f.free(ptr);
  }
}

/** A failure envelope as an exception: `code`, `details`, `operation`. */
export class EdurulesError extends Error {
  constructor(envelope) {
    super(envelope.error.message);
    this.name = 'EdurulesError';
    this.code = envelope.error.code;
    this.details = envelope.error.details ?? [];
    this.operation = envelope.operation;
    this.envelope = envelope;
  }
}

const engines = new FinalizationRegistry(({ f, ptr }) => f.engineFree(ptr));

/**
 * An engine: a configuration validated once and reused by every call.
 * `new Engine({ preset: 'poland-sio', locale: 'pl' })`, or `{ toml: '…' }`,
 * or `{ json: {…} }`. Free it with `close()` (or leave it to the GC).
 */
export class Engine {
  #f;
  #ptr;

  constructor(options = { preset: 'poland-sio' }) {
    const f = load();
    const bytes = Buffer.from(JSON.stringify(options), 'utf8');
    const error = [null];
    const ptr = f.engineNew(bytes, bytes.length, error);
    if (!ptr) {
      const text = take(f, error[0], -1);
      throw new EdurulesError(JSON.parse(text));
    }
    this.#f = f;
    this.#ptr = ptr;
    engines.register(this, { f, ptr }, this);
  }

  /** The envelope of `operation` on `request` (an object, or raw JSON text/bytes). */
  callEnvelope(operation, request = {}) {
    if (!this.#ptr) throw new Error('the engine is closed');
    const op = Buffer.from(operation, 'utf8');
    const req = Buffer.isBuffer(request)
      ? request
      : Buffer.from(typeof request === 'string' ? request : JSON.stringify(request), 'utf8');
    const len = [0];
    const ptr = this.#f.call(this.#ptr, op, op.length, req, req.length, len);
    return JSON.parse(take(this.#f, ptr, Number(len[0])));
  }

  /** The result of `operation`; throws EdurulesError on a failure envelope. */
  call(operation, request = {}) {
    const envelope = this.callEnvelope(operation, request);
    if (envelope.status !== 'success') throw new EdurulesError(envelope);
    return envelope.result;
  }

  /** Frees the engine; later calls throw. */
  close() {
    if (this.#ptr) {
      engines.unregister(this);
      this.#f.engineFree(this.#ptr);
      this.#ptr = null;
    }
  }
}
