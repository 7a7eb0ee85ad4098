package io.feedgram.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import io.feedgram.graph.Login;

/**
 * Test and operator controls under {@code /sandbox/_*}: faults, the sandbox clock, tokens,
 * setting overrides, inspection of what was published, and reset. Plain JSON, no Graph envelope;
 * every refusal is an RFC 9457 problem ({@link SandboxControlProblems}). {@link SandboxControlGuard} decides who may call.
 */
@RestController
@RequestMapping("/sandbox")
@ConditionalOnProperty(prefix = "feedgram.sandbox", name = "enabled", havingValue = "true")
final class SandboxControlController {

    record FaultRequest(String fault, String igUserId, Integer times) {
    }

    record ClockRequest(String advance) {
    }

    record TokenRequest(String token, String igUserId, String login, Instant expiresAt, String username, Instant issuedAt) {
    }

    record ExpireRequest(String token) {
    }

    record OutsidePublishesRequest(String igUserId, Integer count) {
    }

    /** The most publishes one call records: more than any quota Instagram grants. */
    private static final int MAX_OUTSIDE_PUBLISHES = 1000;

    private final SandboxFaults faults;
    private final SandboxClock clock;
    private final SandboxTokens tokens;
    private final SandboxSettings settings;
    private final SandboxMedia media;
    private final SandboxReset reset;
    private final GraphCalls calls;
    private final PublishingQuota quota;

    SandboxControlController(SandboxFaults faults, SandboxClock clock, SandboxTokens tokens, SandboxSettings settings,
            SandboxMedia media, SandboxReset reset, GraphCalls calls, PublishingQuota quota) {
        this.faults = faults;
        this.clock = clock;
        this.tokens = tokens;
        this.settings = settings;
        this.media = media;
        this.reset = reset;
        this.calls = calls;
        this.quota = quota;
    }

    @PostMapping("/_faults")
    Map<String, Object> injectFault(@RequestBody FaultRequest request) {
        if (request.fault() == null || !faults.inject(request.fault(), request.igUserId(), request.times())) {
            throw new IllegalArgumentException("unknown fault or bad times; faults are "
                    + Arrays.stream(Fault.values()).map(Fault::wireName).toList());
        }
        return faultList();
    }

    @GetMapping("/_faults")
    Map<String, Object> faultList() {
        return Map.of("faults", faults.list());
    }

    @DeleteMapping("/_faults")
    Map<String, Object> clearFaults() {
        faults.clear();
        return faultList();
    }

    @GetMapping("/_clock")
    Map<String, Object> clock() {
        return Map.of("now", clock.now().toString(), "offset", clock.offset().toString());
    }

    @PostMapping("/_clock")
    Map<String, Object> advanceClock(@RequestBody ClockRequest request) {
        if (request.advance() == null) {
            throw new IllegalArgumentException("expected {\"advance\": \"<ISO-8601 duration>\"}");
        }
        try {
            clock.advance(Duration.parse(request.advance()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("advance must be an ISO-8601 duration such as PT24H");
        }
        return clock();
    }

    @DeleteMapping("/_clock")
    Map<String, Object> resetClock() {
        clock.reset();
        return clock();
    }

    @PostMapping("/_tokens")
    Map<String, Object> registerToken(@RequestBody TokenRequest request) {
        if (request.token() == null || request.igUserId() == null) {
            throw new IllegalArgumentException("token and igUserId are required");
        }
        Login login = request.login() == null ? Login.INSTAGRAM : login(request.login());
        Instant expiresAt = request.expiresAt() != null ? request.expiresAt() : clock.now().plus(SandboxTokens.LONG_LIVED);
        String username = request.username() != null ? request.username() : "sandbox_" + request.igUserId();
        Instant issuedAt = request.issuedAt() != null ? request.issuedAt() : clock.now();
        tokens.register(new AccessToken(request.token(), login, request.igUserId(), username, issuedAt, expiresAt));
        // The token itself is never echoed: secrets do not go back out of an API.
        Map<String, Object> registered = new LinkedHashMap<>();
        registered.put("igUserId", request.igUserId());
        registered.put("login", login.name().toLowerCase(Locale.ROOT));
        registered.put("username", username);
        registered.put("expiresAt", expiresAt.toString());
        return registered;
    }

    @PostMapping("/_tokens/expire")
    Map<String, Object> expireToken(@RequestBody ExpireRequest request) {
        if (request.token() == null || !tokens.expire(request.token())) {
            throw SandboxControlProblems.refusal(HttpStatus.NOT_FOUND, "unknown-token", "Unknown token", "the sandbox knows no such token");
        }
        return Map.of("expiredAt", clock.now().toString());
    }

    @GetMapping("/_config")
    SandboxProperties config() {
        return settings.current();
    }

    @PostMapping("/_config")
    SandboxProperties overrideConfig(@RequestBody JsonNode overrides) {
        return settings.override(overrides);
    }

    /**
     * Another tool published {@code count} (default 1) times on the account just now: the publishes use
     * its quota, and Feedgram learns of them only from Instagram's answers.
     */
    @PostMapping("/_outside-publishes")
    Map<String, Object> outsidePublishes(@RequestBody OutsidePublishesRequest request) {
        if (request.igUserId() == null || request.igUserId().isBlank()) {
            throw new IllegalArgumentException("igUserId is required");
        }
        int count = request.count() == null ? 1 : request.count();
        if (count < 1 || count > MAX_OUTSIDE_PUBLISHES) {
            throw new IllegalArgumentException("count must be between 1 and " + MAX_OUTSIDE_PUBLISHES);
        }
        Instant now = clock.now();
        for (int i = 0; i < count; i++) {
            quota.record(request.igUserId(), now);
        }
        return Map.of("igUserId", request.igUserId(), "quotaUsage", quota.usage(request.igUserId(), now, null));
    }

    @GetMapping("/_inspect/published")
    Map<String, List<PublishedView>> published() {
        Map<String, List<PublishedView>> view = new LinkedHashMap<>();
        media.byOwner().forEach((owner, items) -> view.put(owner, items.stream().map(PublishedView::of).toList()));
        return view;
    }

    /** Graph calls answered since the last reset, per host, method and path shape. */
    @GetMapping("/_inspect/calls")
    Map<String, Long> calls() {
        return calls.snapshot();
    }

    @DeleteMapping("/_inspect/calls")
    Map<String, Long> clearCalls() {
        calls.clear();
        return calls.snapshot();
    }

    @PostMapping("/_reset")
    Map<String, Object> reset() {
        reset.reset();
        return Map.of("reset", true, "now", clock.now().toString());
    }

    private static Login login(String name) {
        try {
            return Login.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("login must be instagram or facebook");
        }
    }
}
