package io.feedgram.sandbox;

import java.net.http.HttpHeaders;

import com.fasterxml.jackson.databind.JsonNode;

/** What a test saw from one HTTP call: status, headers and the parsed JSON body. */
record GraphResponse(int status, HttpHeaders headers, JsonNode body) {

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    JsonNode error() {
        return body.path("error");
    }

    int code() {
        return error().path("code").asInt();
    }

    int subcode() {
        return error().path("error_subcode").asInt();
    }

    String id() {
        return body.path("id").asText();
    }
}
