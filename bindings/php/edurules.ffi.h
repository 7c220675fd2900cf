#define FFI_SCOPE "EDURULES"
#define FFI_LIB "libedurules_ffi.so"
/* (PHP reads the two defines only at the very top of the file.)
 * The declarations of crates/edurules-ffi/include/edurules.h as PHP's FFI
 * reads them (no preprocessor): for FFI::cdef and for preloading with
 * FFI::load (FFI_SCOPE and FFI_LIB are read by PHP; set FFI_LIB to the
 * library's path when it is not on the system's search path). The byte
 * pointers are spelled `const char *` (same ABI) so PHP strings pass as is. */
typedef struct edurules_engine edurules_engine;
const char *edurules_version(void);
uint32_t edurules_protocol_version(void);
edurules_engine *edurules_engine_new(const char *options, size_t options_len, char **error);
void edurules_engine_free(edurules_engine *engine);
char *edurules_call(const edurules_engine *engine, const char *operation, size_t operation_len, const char *request, size_t request_len, size_t *response_len);
void edurules_free(char *text);
