package io.feedgram.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.system.DurableWrites;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Turns the body into the JSON response. Every header is dropped first: request headers,
 * path and query parameters all arrive as message headers and would otherwise be echoed back.
 * An answer to a change (any method but GET) waits until the change is durable: what was
 * accepted survives a killed process.
 */
@Component
public class ApiResponses {

    private final ObjectMapper json;
    private final DurableWrites durable;

    public ApiResponses(ObjectMapper json, DurableWrites durable) {
        this.json = json;
        this.durable = durable;
    }

    public void ok(Exchange exchange) {
        respond(exchange.getMessage(), 200);
    }

    public void accepted(Exchange exchange) {
        respond(exchange.getMessage(), 202);
    }

    private void respond(Message message, int status) {
        Object body = message.getBody();
        if (!"GET".equals(message.getHeader(Exchange.HTTP_METHOD))) {
            durable.await();
        }
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        try {
            message.setBody(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response cannot be written", e);
        }
    }
}
