/* The C example: open an engine on the poland-sio preset, check a password,
 * decide a delegation and compute a deadline. Build and run:
 *   cc -I ../../crates/edurules-ffi/include example.c -L ../../target/debug -ledurules_ffi -o example
 *   LD_LIBRARY_PATH=../../target/debug ./example
 */
#include <stdio.h>
#include <string.h>

#include "edurules.h"

/* Runs one operation, prints its envelope, frees it. Returns 0 on success. */
static int run(const edurules_engine *engine, const char *operation, const char *request) {
    size_t len = 0;
    char *answer = edurules_call(engine, (const uint8_t *)operation, strlen(operation),
                                 (const uint8_t *)request, strlen(request), &len);
    printf("%s -> %s\n", operation, answer);
    int failed = strstr(answer, "\"status\":\"success\"") == NULL;
    edurules_free(answer);
    return failed;
}

int main(void) {
    printf("edurules %s, protocol %u\n", edurules_version(), edurules_protocol_version());
    const char *options = "{\"preset\":\"poland-sio\",\"locale\":\"pl\"}";
    char *error = NULL;
    edurules_engine *engine = edurules_engine_new((const uint8_t *)options, strlen(options), &error);
    if (engine == NULL) {
        fprintf(stderr, "%s\n", error);
        edurules_free(error);
        return 1;
    }
    int failed = 0;
    failed |= run(engine, "password.check@1", "{\"password\":\"nowak\"}");
    failed |= run(engine, "delegation.open@1",
                  "{\"registry\":\"sp7\",\"events\":[{\"type\":\"appointment_recorded\",\"on\":\"2021-09-01\","
                  "\"appointment\":{\"id\":\"powierzenie-2021\",\"person\":\"jkowalski\",\"entity\":\"SP7-Opole\","
                  "\"from\":\"2021-09-01\",\"until\":\"2026-08-31\"}}]}");
    failed |= run(engine, "delegation.decide@1",
                  "{\"registry\":\"sp7\",\"person\":\"jkowalski\",\"permission\":\"pupils:modify\","
                  "\"entity\":\"SP7-Opole\",\"at\":\"2026-03-03\"}");
    failed |= run(engine, "deadline.submission@1",
                  "{\"category\":\"art. 8 pkt 1 lit. d\",\"change_date\":\"2025-12-19\"}");
    edurules_engine_free(engine);
    return failed;
}
