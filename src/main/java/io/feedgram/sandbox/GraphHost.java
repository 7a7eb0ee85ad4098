package io.feedgram.sandbox;

import java.util.Arrays;
import java.util.Optional;

import io.feedgram.graph.Login;

/** The two Graph hosts the sandbox stands in for, and what differs between them (docs/instagram.md#hosts and #errors). */
enum GraphHost {
    INSTAGRAM("graph.instagram.com", "IGApiException", Login.INSTAGRAM),
    FACEBOOK("graph.facebook.com", "OAuthException", Login.FACEBOOK);

    private final String hostName;
    private final String errorType;
    private final Login acceptedLogin;

    GraphHost(String hostName, String errorType, Login acceptedLogin) {
        this.hostName = hostName;
        this.errorType = errorType;
        this.acceptedLogin = acceptedLogin;
    }

    static Optional<GraphHost> byName(String hostName) {
        return Arrays.stream(values()).filter(h -> h.hostName.equals(hostName)).findFirst();
    }

    String hostName() {
        return hostName;
    }

    String errorType() {
        return errorType;
    }

    Login acceptedLogin() {
        return acceptedLogin;
    }
}
