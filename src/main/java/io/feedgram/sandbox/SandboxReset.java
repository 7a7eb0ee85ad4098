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

    SandboxReset(SandboxContainers containers, SandboxMedia media, PublishingQuota quota, SandboxFaults faults,
            SandboxTokens tokens, SandboxSettings settings, UsageMeter usage, SandboxClock clock,
            AuthorizationCodes codes, GraphCalls calls) {
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
    }

    /**
     * Forgets containers, media, quota usage, faults, added tokens, authorization codes, setting overrides, the clock
     * offset and the call counts.
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
    }
}
