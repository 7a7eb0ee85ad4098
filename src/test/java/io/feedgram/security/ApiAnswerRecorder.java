package io.feedgram.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.spi.HeaderFilterStrategyAware;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

/** Test-only: records each REST API answer (the api-* routes) as Camel completes it, for {@link SecretsNeverLeakTest}. */
@Component
public class ApiAnswerRecorder extends EventNotifierSupport implements CamelContextConfiguration {

    @Override
    public void beforeApplicationStart(CamelContext context) {
        context.getManagementStrategy().addEventNotifier(this);
    }

    @Override
    public void afterApplicationStart(CamelContext context) {
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeCompletedEvent || event instanceof CamelEvent.ExchangeFailedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
        String route = exchange.getFromRouteId();
        if (route == null || !route.startsWith("api-")) {
            return;
        }
        StringBuilder entry = new StringBuilder(route).append(' ')
                .append(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).append('\n');
        // What reaches the client: the headers the platform-http endpoint lets out of the message.
        HeaderFilterStrategy sent = exchange.getFromEndpoint() instanceof HeaderFilterStrategyAware aware
                ? aware.getHeaderFilterStrategy() : null;
        for (Map.Entry<String, Object> header : exchange.getMessage().getHeaders().entrySet()) {
            if (sent == null || !sent.applyFilterToCamelHeaders(header.getKey(), header.getValue(), exchange)) {
                entry.append(header.getKey()).append(": ").append(header.getValue()).append('\n');
            }
        }
        entry.append(exchange.getMessage().getBody(String.class)).append("\n\n");
        try {
            ResponseRecorder.write(entry.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
