package org.edurules;

import com.fasterxml.jackson.databind.JsonNode;

/** A failure envelope as an exception: its stable code, message and details. */
public final class EdurulesException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient JsonNode envelope;

    EdurulesException(JsonNode envelope) {
        super(envelope.path("error").path("message").asText("edurules failure"));
        this.envelope = envelope;
    }

    /** The stable code, e.g. {@code deadline.unknown_category}. */
    public String code() {
        return envelope.path("error").path("code").asText("ffi.internal");
    }

    /** One entry per problem (path, rule, legal basis). */
    public JsonNode details() {
        return envelope.path("error").path("details");
    }

    /** The failure envelope. */
    public JsonNode envelope() {
        return envelope;
    }
}
