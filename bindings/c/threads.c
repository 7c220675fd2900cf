/* edurules_call on one engine from 8 threads at once (the header promises
 * thread safety). Each thread checks passwords, decides, and re-opens a
 * registry of its own; every answer must be the expected one. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edurules.h"

#define THREADS 8
/* Rounds per thread: argv[1], 200 by default (fewer under valgrind). */
static int ROUNDS = 200;

static const edurules_engine *engine;

static const char *LOG =
    "{\"registry\":\"%s\",\"events\":[{\"type\":\"appointment_recorded\",\"on\":\"2021-09-01\","
    "\"appointment\":{\"id\":\"p\",\"person\":\"jkowalski\",\"entity\":\"SP7-Opole\","
    "\"from\":\"2021-09-01\",\"until\":\"2026-08-31\"}}]}";

static int expect(const char *operation, const char *request, const char *needle) {
    char *answer = edurules_call(engine, (const uint8_t *)operation, strlen(operation),
                                 (const uint8_t *)request, strlen(request), NULL);
    int ok = strstr(answer, needle) != NULL;
    if (!ok) fprintf(stderr, "%s: %s\n", operation, answer);
    edurules_free(answer);
    return ok;
}

static void *work(void *arg) {
    long id = (long)arg;
    char name[32], open[512], decide[256];
    snprintf(name, sizeof name, "t%ld", id);
    snprintf(open, sizeof open, LOG, name);
    snprintf(decide, sizeof decide,
             "{\"registry\":\"shared\",\"person\":\"jkowalski\",\"permission\":\"pupils:read\","
             "\"entity\":\"SP7-Opole\",\"at\":\"2026-03-03\"}");
    long failures = 0;
    for (int i = 0; i < ROUNDS; i++) {
        failures += !expect("delegation.decide@1", decide, "\"allowed\":true");
        failures += !expect("password.check@1", "{\"password\":\"abc\"}", "\"accepted\":false");
        failures += !expect("deadline.submission@1",
                            "{\"category\":\"art. 8 pkt 1 lit. d\",\"change_date\":\"2025-12-19\"}",
                            "\"due_date\":\"2025-12-29\"");
        if (i % 20 == 0) failures += !expect("delegation.open@1", open, "\"applied\":1");
    }
    return (void *)failures;
}

int main(int argc, char **argv) {
    if (argc > 1) ROUNDS = atoi(argv[1]);
    const char *options = "{\"preset\":\"poland-sio\"}";
    edurules_engine *e = edurules_engine_new((const uint8_t *)options, strlen(options), NULL);
    if (e == NULL) return 2;
    engine = e;
    char open[512];
    snprintf(open, sizeof open, LOG, "shared");
    if (!expect("delegation.open@1", open, "\"applied\":1")) return 2;
    pthread_t threads[THREADS];
    for (long t = 0; t < THREADS; t++) pthread_create(&threads[t], NULL, work, (void *)t);
    long failures = 0;
    for (int t = 0; t < THREADS; t++) {
        void *result;
        pthread_join(threads[t], &result);
        failures += (long)result;
    }
    edurules_engine_free(e);
    long calls = (long)THREADS * ROUNDS * 3;
    printf("threads: %ld passed, %ld failed\n", calls - failures, failures);
    return failures != 0;
}
