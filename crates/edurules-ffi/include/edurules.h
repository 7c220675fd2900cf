/*
 * edurules.h: the C ABI of edurules (crate edurules-ffi). Frozen: functions
 * are only ever added. Requests and responses cross as UTF-8 JSON; see
 * docs/embedding.md and the JSON Schemas in docs/schema/ffi/.
 *
 * Memory: the caller owns what it passes in; the library keeps no pointer
 * after a call returns. An engine is freed with edurules_engine_free; every
 * char * the library returns (responses, errors) is freed with edurules_free,
 * once, unmodified: the library finds its size by its terminating NUL, so a
 * string written into (a JSON parser working in place, say) must be copied
 * first; edurules_version's string is static and never freed.
 *
 * Threads: an engine may be used by any number of threads at once
 * (edurules_call is thread-safe); edurules_engine_free must not run while a
 * call on the same engine is in progress.
 *
 * Errors: edurules_call always returns an envelope, never NULL:
 *   {"format":1,"operation":"…","status":"success","result":{…}}
 *   {"format":1,"operation":"…","status":"failure",
 *    "error":{"code":"…","message":"…","details":[…]}}
 * No panic or Rust unwinding crosses this boundary.
 */
#ifndef EDURULES_H
#define EDURULES_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* An engine: a configuration validated once, the locale of its messages and
 * the delegation registries opened in it. Opaque. */
typedef struct edurules_engine edurules_engine;

/* The library version, e.g. "0.1.0": static, NUL-terminated, never freed. */
const char *edurules_version(void);

/* The protocol version: the highest @N of the operations (1). */
uint32_t edurules_protocol_version(void);

/* Makes an engine from options as JSON: {"preset":"poland-sio"},
 * {"toml":"…"} or {"json":{…}}, optionally with "locale":"pl"|"bg"|"en".
 * Returns NULL on failure and, when error is not NULL, sets *error to a
 * failure envelope (free it with edurules_free). */
edurules_engine *edurules_engine_new(const uint8_t *options, size_t options_len, char **error);

/* Frees an engine (NULL is ignored). */
void edurules_engine_free(edurules_engine *engine);

/* Runs operation (e.g. "password.check@1", not NUL-terminated) on the JSON
 * request. Returns a NUL-terminated JSON envelope, never NULL; free it with
 * edurules_free. When response_len is not NULL, *response_len is set to the
 * envelope's length without the NUL. */
char *edurules_call(const edurules_engine *engine, const uint8_t *operation, size_t operation_len, const uint8_t *request, size_t request_len, size_t *response_len);

/* Frees a string returned by this library (NULL is ignored). */
void edurules_free(char *text);

#ifdef __cplusplus
}
#endif

#endif /* EDURULES_H */
