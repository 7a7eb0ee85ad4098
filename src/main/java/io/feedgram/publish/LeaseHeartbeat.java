package io.feedgram.publish;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.feedgram.account.AccountStates;
import io.feedgram.post.PostLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Renews, every third of {@code lease}, the claims of the posts this instance is working on and the
 * account publish locks taken under them (a lock's owner is the claim's token), in one statement
 * each. So a lease can be short: a step that takes longer than it keeps its post, and the posts and
 * accounts of a killed replica are free again within one lease.
 */
@Component
public class LeaseHeartbeat {

    private static final Logger log = LoggerFactory.getLogger(LeaseHeartbeat.class);

    private final PostLeases leases;
    private final AccountStates states;
    private final PublishingProperties settings;
    private final Clock clock;
    /** The claims being worked on or held between steps, each with the number of holders (a worker, a held claim). */
    private final Map<String, Integer> held = new ConcurrentHashMap<>();
    private ScheduledExecutorService beating;

    public LeaseHeartbeat(PostLeases leases, AccountStates states, PublishingProperties settings, Clock clock) {
        this.leases = leases;
        this.states = states;
        this.settings = settings;
        this.clock = clock;
    }

    /** The claim with this token is being worked on, or held until its next step: keep it. */
    void hold(String token) {
        held.merge(token, 1, Integer::sum);
    }

    /** One holder of the claim is done with it (its step is over, or the held claim was handed on). */
    void letGo(String token) {
        held.computeIfPresent(token, (key, holders) -> holders > 1 ? holders - 1 : null);
    }

    synchronized void start() {
        long period = Math.max(1, settings.lease().toMillis() / 3);
        beating = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("post-lease-heartbeat-"));
        beating.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (beating != null) {
            beating.shutdownNow();
            beating = null;
        }
    }

    private void renew() {
        List<String> tokens = List.copyOf(held.keySet());
        if (tokens.isEmpty()) {
            return;
        }
        try {
            Instant until = clock.instant().plus(settings.lease());
            leases.renew(tokens, until);
            states.renewPublishLocks(tokens, until);
        } catch (RuntimeException e) {
            // The next beat tries again; a lease that runs out meanwhile is taken over, which the steps tolerate.
            log.warn("publishing: renewing {} lease(s) failed: {}", tokens.size(), e.toString());
        }
    }
}
