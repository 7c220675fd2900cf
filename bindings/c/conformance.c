/* The conformance suite (the JSON files of bindings/conformance) run from C through
 * edurules.h, with jansson for JSON. Usage: conformance DIR. Prints
 * "N passed, N failed" and exits non-zero on any failure. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "edurules.h"

/* Whether actual has everything expected has (arrays: same length). */
static int matches(const json_t *expected, const json_t *actual) {
    if (json_is_object(expected)) {
        if (!json_is_object(actual)) return 0;
        const char *key;
        json_t *value;
        json_object_foreach((json_t *)expected, key, value) {
            json_t *other = json_object_get(actual, key);
            if (other == NULL || !matches(value, other)) return 0;
        }
        return 1;
    }
    if (json_is_array(expected)) {
        if (!json_is_array(actual) || json_array_size(expected) != json_array_size(actual)) return 0;
        for (size_t i = 0; i < json_array_size(expected); i++) {
            if (!matches(json_array_get(expected, i), json_array_get(actual, i))) return 0;
        }
        return 1;
    }
    return json_equal((json_t *)expected, (json_t *)actual);
}

/* Calls operation with request text; returns the parsed envelope (caller decrefs). */
static json_t *call(const edurules_engine *engine, const char *operation, const char *request) {
    size_t len = 0;
    char *answer = edurules_call(engine, (const uint8_t *)operation, strlen(operation),
                                 (const uint8_t *)request, strlen(request), &len);
    json_t *envelope = json_loadb(answer, len, 0, NULL);
    edurules_free(answer);
    return envelope;
}

/* text with every "{conformance}" replaced by dir; the caller frees it. */
static char *substitute(const char *text, const char *dir) {
    const char *key = "{conformance}";
    size_t n = 0, klen = strlen(key), dlen = strlen(dir);
    for (const char *p = strstr(text, key); p; p = strstr(p + klen, key)) n++;
    char *out = malloc(strlen(text) + n * dlen + 1);
    char *o = out;
    const char *p = text, *hit;
    while ((hit = strstr(p, key)) != NULL) {
        memcpy(o, p, (size_t)(hit - p));
        o += hit - p;
        memcpy(o, dir, dlen);
        o += dlen;
        p = hit + klen;
    }
    strcpy(o, p);
    return out;
}

static int compare_names(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : "../conformance";
    char absdir[4096];
    if (realpath(dir, absdir) == NULL) { perror(dir); return 2; }
    DIR *d = opendir(dir);
    if (d == NULL) { perror(dir); return 2; }
    char *names[256];
    size_t count = 0;
    struct dirent *entry;
    while ((entry = readdir(d)) != NULL && count < 256) {
        size_t n = strlen(entry->d_name);
        if (n > 5 && strcmp(entry->d_name + n - 5, ".json") == 0) names[count++] = strdup(entry->d_name);
    }
    closedir(d);
    qsort(names, count, sizeof names[0], compare_names);
    int passed = 0, failed = 0;
    for (size_t f = 0; f < count; f++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[f]);
        json_error_t err;
        json_t *suite = json_load_file(path, 0, &err);
        if (suite == NULL) { fprintf(stderr, "%s: %s\n", path, err.text); return 2; }
        const char *file_op = json_string_value(json_object_get(suite, "operation"));
        size_t i;
        json_t *c;
        json_array_foreach(json_object_get(suite, "cases"), i, c) {
            const char *name = json_string_value(json_object_get(c, "name"));
            json_t *expect = json_object_get(c, "expect");
            char *options = json_dumps(json_object_get(c, "engine"), JSON_COMPACT);
            char *error = NULL;
            edurules_engine *engine = edurules_engine_new((const uint8_t *)options, strlen(options), &error);
            free(options);
            json_t *actual = NULL;
            if (engine == NULL) {
                actual = json_loads(error, 0, NULL);
                edurules_free(error);
            } else {
                size_t s;
                json_t *step;
                json_array_foreach(json_object_get(c, "setup"), s, step) {
                    char *req = json_dumps(json_object_get(step, "request"), JSON_COMPACT);
                    const char *step_op = json_string_value(json_object_get(step, "operation"));
                    json_t *r = call(engine, step_op, req);
                    free(req);
                    /* A setup step must succeed, as in the Rust, Node and Java runners. */
                    const char *status = r ? json_string_value(json_object_get(r, "status")) : NULL;
                    if (status == NULL || strcmp(status, "success") != 0) {
                        failed++;
                        fprintf(stderr, "FAIL %s: %s: setup %s failed\n", names[f], name,
                                step_op ? step_op : "(no operation)");
                    }
                    json_decref(r);
                }
                const char *op = json_string_value(json_object_get(c, "operation"));
                if (op == NULL) op = file_op;
                json_t *text = json_object_get(c, "request_text");
                char *raw = json_is_string(text) ? strdup(json_string_value(text))
                                                 : json_dumps(json_object_get(c, "request"), JSON_COMPACT | JSON_ENCODE_ANY);
                char *req = substitute(raw, absdir);
                free(raw);
                actual = call(engine, op, req);
                free(req);
                edurules_engine_free(engine);
            }
            if (actual != NULL && matches(expect, actual)) {
                passed++;
            } else {
                failed++;
                char *got = actual ? json_dumps(actual, JSON_COMPACT) : NULL;
                fprintf(stderr, "FAIL %s: %s: got %s\n", names[f], name, got ? got : "(not JSON)");
                free(got);
            }
            json_decref(actual);
        }
        json_decref(suite);
        free(names[f]);
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
