package io.feedgram.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code tokens} health component: DOWN while any account's token has expired, failed its
 * last refresh, or waits for re-authorization; the details name the account, never the token.
 */
@Component("tokens")
public class TokenHealthIndicator implements HealthIndicator {

    private final AccountCredentials credentials;
    private final AccountStates states;
    private final Clock clock;

    public TokenHealthIndicator(AccountCredentials credentials, AccountStates states, Clock clock) {
        this.credentials = credentials;
        this.states = states;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        boolean up = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (String id : credentials.ids()) {
            StoredToken token = credentials.token(id).orElseThrow();
            AccountState.Status status = states.state(id).map(AccountState::status)
                    .orElse(AccountState.Status.ACTIVE);
            boolean expired = token.expiresAt() != null && token.expiresAt().isBefore(now);
            String problem = !token.connected() || status == AccountState.Status.NEEDS_REAUTH ? "needs re-authorization"
                    : expired ? "token expired"
                    : token.refreshFailures() > 0 ? "last refresh failed: " + token.lastRefreshResult()
                    : null;
            up &= problem == null;
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("status", problem == null ? "ok" : problem);
            detail.put("expiresAt", token.expiresAt() == null ? "unknown" : token.expiresAt().toString());
            if (token.expiresAt() != null) {
                detail.put("daysLeft", Duration.between(now, token.expiresAt()).toDays());
            }
            details.put(id, detail);
        }
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }
}
