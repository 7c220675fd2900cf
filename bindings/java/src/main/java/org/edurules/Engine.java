package org.edurules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;

/**
 * An engine: a configuration validated once and reused by every call;
 * thread-safe. Close it (try-with-resources) to free it.
 *
 * <pre>{@code
 * try (Engine engine = Engine.preset("poland-sio", "pl")) {
 *     JsonNode check = engine.call("password.check@1", Map.of("password", "nowak"));
 * }
 * }</pre>
 */
public final class Engine implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EdurulesNative lib = EdurulesNative.INSTANCE;
    private volatile Pointer engine;
    /** Calls share it; close takes it alone, so the engine is never freed during a call. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock lock =
            new java.util.concurrent.locks.ReentrantReadWriteLock();

    /**
     * An engine from options: exactly one of {@code preset}, {@code toml},
     * {@code json}, optionally {@code locale}.
     *
     * @throws EdurulesException when the configuration is unknown or invalid
     */
    public Engine(Object options) {
        byte[] bytes = encode(options);
        PointerByReference error = new PointerByReference();
        Pointer handle = lib.edurules_engine_new(bytes, bytes.length, error);
        if (handle == null) {
            throw new EdurulesException(parse(take(error.getValue(), -1)));
        }
        this.engine = handle;
    }

    /** An engine on a preset ({@code poland-sio}, {@code bulgaria-isrm}) with a locale ({@code pl}, {@code bg}, {@code en}). */
    public static Engine preset(String name, String locale) {
        return new Engine(java.util.Map.of("preset", name, "locale", locale));
    }

    /** The library's version. */
    public static String version() {
        return EdurulesNative.INSTANCE.edurules_version();
    }

    /** The protocol version. */
    public static int protocolVersion() {
        return EdurulesNative.INSTANCE.edurules_protocol_version();
    }

    /** The envelope's JSON text for a request's JSON text. */
    public String callJson(String operation, String request) {
        byte[] op = operation.getBytes(StandardCharsets.UTF_8);
        byte[] req = request.getBytes(StandardCharsets.UTF_8);
        long[] len = new long[1];
        Pointer answer;
        lock.readLock().lock();
        try {
            Pointer handle = engine;
            if (handle == null) {
                throw new IllegalStateException("the engine is closed");
            }
            answer = lib.edurules_call(handle, op, op.length, req, req.length, len);
        } finally {
            lock.readLock().unlock();
        }
        return take(answer, len[0]);
    }

    /** The envelope of an operation; the request is any Jackson-serializable value (a Map, a record, a JsonNode). */
    public JsonNode callEnvelope(String operation, Object request) {
        return parse(callJson(operation, new String(encode(request), StandardCharsets.UTF_8)));
    }

    /**
     * The result of an operation.
     *
     * @throws EdurulesException on a failure envelope, carrying its code
     */
    public JsonNode call(String operation, Object request) {
        JsonNode envelope = callEnvelope(operation, request);
        if (!"success".equals(envelope.path("status").asText())) {
            throw new EdurulesException(envelope);
        }
        return envelope.path("result");
    }

    /** Frees the engine once the calls under way have returned; later calls throw. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            Pointer handle = engine;
            engine = null;
            if (handle != null) {
                lib.edurules_engine_free(handle);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Copies and frees a string the library returned. */
    private String take(Pointer text, long len) {
        try {
            if (len < 0) {
                return text.getString(0, StandardCharsets.UTF_8.name());
            }
            return new String(text.getByteArray(0, Math.toIntExact(len)), StandardCharsets.UTF_8);
        } finally {
            lib.edurules_free(text);
        }
    }

    private static byte[] encode(Object value) {
        try {
            if (value instanceof String s) {
                return s.getBytes(StandardCharsets.UTF_8);
            }
            return JSON.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the request cannot be written as JSON", e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("edurules answered something that is not JSON", e);
        }
    }
}
