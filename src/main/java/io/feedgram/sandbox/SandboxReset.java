package io.feedgram.sandbox;

/** Puts the sandbox back to its start-up state: what tests do before each case. */
@SandboxBean
public final class SandboxReset {

    private final SandboxContainers containers;
    private final SandboxMedia media;
    private final PublishingQuota quota;
    private final SandboxFaults faults;
    private final SandboxTokens tokens;
    private final SandboxSettings settings;
    private final UsageMeter usage;
    private final SandboxClock clock;
    private final AuthorizationCodes codes;
    private final GraphCalls calls;
    private final SandboxInbox inbox;
    private final SandboxWebhooks webhooks;

    SandboxReset(SandboxContainers containers, SandboxMedia media, PublishingQuota quota, SandboxFaults faults,
            SandboxTokens tokens, SandboxSettings settings, UsageMeter usage, SandboxClock clock,
            AuthorizationCodes codes, GraphCalls calls, SandboxInbox inbox, SandboxWebhooks webhooks) {
        this.containers = containers;
        this.media = media;
        this.quota = quota;
        this.faults = faults;
        this.tokens = tokens;
        this.settings = settings;
        this.usage = usage;
        this.clock = clock;
        this.codes = codes;
        this.calls = calls;
        this.inbox = inbox;
        this.webhooks = webhooks;
    }

    /**
     * Forgets containers, media, quota usage, faults, added tokens, authorization codes, setting overrides, the clock
     * offset, the call counts, comments, message threads, subscriptions and webhook deliveries (pending retries
     * are dropped).
     */
    public void reset() {
        faults.clear();
        containers.clear();
        media.clear();
        quota.clear();
        usage.clear();
        settings.reset();
        clock.reset();
        tokens.reset();
        codes.clear();
        calls.clear();
        inbox.clear();
        webhooks.clear();
    }
}
