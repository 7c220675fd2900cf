package org.edurules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The conformance suite (bindings/conformance) and the example, through JNA. */
class ConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether actual has everything expected has (arrays: same length). */
    static boolean matches(JsonNode expected, JsonNode actual) {
        if (expected.isObject()) {
            if (actual == null || !actual.isObject()) return false;
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (!actual.has(f.getKey()) || !matches(f.getValue(), actual.get(f.getKey()))) return false;
            }
            return true;
        }
        if (expected.isArray()) {
            if (actual == null || !actual.isArray() || actual.size() != expected.size()) return false;
            for (int i = 0; i < expected.size(); i++) {
                if (!matches(expected.get(i), actual.get(i))) return false;
            }
            return true;
        }
        return expected.equals(actual);
    }

    @TestFactory
    List<DynamicTest> conformance() throws IOException {
        Path dir = Path.of(System.getProperty("edurules.conformance", "../conformance"));
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode suite = JSON.readTree(file.toFile());
                for (JsonNode c : suite.get("cases")) {
                    String abs = dir.toRealPath().toString();
                    tests.add(DynamicTest.dynamicTest(file.getFileName() + ": " + c.get("name").asText(), () -> run(suite, c, abs)));
                }
            }
        }
        assertTrue(tests.size() > 50);
        return tests;
    }

    private static void run(JsonNode suite, JsonNode c, String dir) throws IOException {
        Engine engine;
        try {
            engine = new Engine(c.get("engine"));
        } catch (EdurulesException e) {
            assertTrue(matches(c.get("expect"), e.envelope()), e.envelope().toString());
            return;
        }
        try (engine) {
            for (JsonNode step : c.path("setup")) {
                engine.call(step.get("operation").asText(), step.get("request"));
            }
            String op = c.has("operation") ? c.get("operation").asText() : suite.get("operation").asText();
            String request = c.has("request_text") ? c.get("request_text").asText() : JSON.writeValueAsString(c.get("request"));
            JsonNode envelope = JSON.readTree(engine.callJson(op, request.replace("{conformance}", dir)));
            assertTrue(matches(c.get("expect"), envelope), envelope.toString());
        }
    }

    @Test
    void example() {
        try (Engine engine = Engine.preset("poland-sio", "pl")) {
            JsonNode check = engine.call("password.check@1", Map.of("password", "nowak"));
            assertEquals(false, check.get("accepted").asBoolean());
            assertEquals("password.too_short", check.get("violations").get(0).get("code").asText());
            engine.call("delegation.open@1", Map.of("registry", "sp7", "events", List.of(Map.of(
                "type", "appointment_recorded", "on", "2021-09-01",
                "appointment", Map.of("id", "powierzenie-2021", "person", "jkowalski", "entity", "SP7-Opole",
                    "from", "2021-09-01", "until", "2026-08-31")))));
            JsonNode d = engine.call("delegation.decide@1", Map.of("registry", "sp7", "person", "jkowalski",
                "permission", "pupils:modify", "entity", "SP7-Opole", "at", "2026-03-03"));
            assertTrue(d.get("allowed").asBoolean());
            JsonNode due = engine.call("deadline.submission@1", Map.of("category", "art. 8 pkt 1 lit. d", "change_date", "2025-12-19"));
            assertEquals("2025-12-29", due.get("due_date").asText());
            EdurulesException e = assertThrows(EdurulesException.class,
                () -> engine.call("deadline.submission@1", Map.of("category", "art. 99", "change_date", "2025-01-10")));
            assertEquals("deadline.unknown_category", e.code());
        }
        assertEquals(1, Engine.protocolVersion());
    }

    @Test
    void threads() throws Exception {
        try (Engine engine = Engine.preset("poland-sio", "en")) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        if (engine.call("password.check@1", Map.of("password", "abc")).get("accepted").asBoolean()) return false;
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) assertTrue(r.get());
            pool.shutdown();
        }
    }

    /**
     * A close while other threads call: every call before it answers, every call after it
     * says the engine is closed, and none reads freed memory (which would answer garbage,
     * not JSON). The close waits until each thread has answered at least once.
     */
    @Test
    void closeDuringCalls() throws Exception {
        Engine engine = Engine.preset("poland-sio", "en");
        int threads = 4;
        java.util.concurrent.CountDownLatch answeredOnce = new java.util.concurrent.CountDownLatch(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                int answered = 0;
                while (true) {
                    try {
                        JsonNode check = engine.call("password.check@1", Map.of("password", "abc"));
                        assertEquals(false, check.get("accepted").asBoolean());
                        if (answered++ == 0) answeredOnce.countDown();
                    } catch (IllegalStateException closed) {
                        assertEquals("the engine is closed", closed.getMessage());
                        return answered;
                    }
                }
            }));
        }
        try {
            assertTrue(answeredOnce.await(60, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            engine.close();
        }
        engine.close();
        int total = 0;
        for (Future<Integer> r : results) {
            int answered = r.get();
            assertTrue(answered > 0);
            total += answered;
        }
        pool.shutdown();
        assertTrue(total >= threads);
        IllegalStateException after = assertThrows(IllegalStateException.class,
                () -> engine.call("password.check@1", Map.of("password", "abc")));
        assertEquals("the engine is closed", after.getMessage());
    }
}
