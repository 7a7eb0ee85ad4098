package io.feedgram.system;

/**
 * A configuration Feedgram will not run with. {@link StartupRefusalAnalyzer} prints the reason and
 * the fix instead of a stack trace.
 */
public final class StartupRefusal extends RuntimeException {

    private final String action;

    public StartupRefusal(String reason, String action) {
        super(reason, null, false, false);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
