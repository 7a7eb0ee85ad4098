package io.feedgram.account;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the {@code token-refresh} route (routes/tokens.camel.yaml), whose Quartz trigger lives in the
 * clustered job store. Replicas starting together on an empty database race to create that trigger, and
 * Spring's job store writes its rows one autocommit at a time, so the loser can read half a trigger and
 * fail. A failed start here is tried again a moment later instead of failing the whole start-up.
 */
@Component
public class TokenRefreshSchedule {

    static final String ROUTE = "token-refresh";
    private static final int ATTEMPTS = 10;
    private static final long PAUSE_MS = 1000;
    private static final Logger log = LoggerFactory.getLogger(TokenRefreshSchedule.class);

    private final CamelContext camel;

    public TokenRefreshSchedule(CamelContext camel) {
        this.camel = camel;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() throws InterruptedException {
        if (camel.getRoute(ROUTE) == null) {
            return;                                       // routes not loaded (a test context without them)
        }
        for (int attempt = 1; ; attempt++) {
            try {
                camel.getRouteController().startRoute(ROUTE);
                return;
            } catch (Exception e) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("the token refresh schedule could not be started", e);
                }
                log.warn("starting the token refresh schedule failed (attempt {} of {}), trying again: {}", attempt,
                        ATTEMPTS, e.getMessage());
                Thread.sleep(PAUSE_MS);
            }
        }
    }
}
