package io.feedgram.sandbox;

import java.util.List;
import java.util.Optional;

import io.feedgram.account.AccountConfig;
import io.feedgram.graph.Login;
import io.feedgram.account.AccountsProperties;

/**
 * Who the sandbox's login dialogs know: the apps are the configured accounts' app ids and
 * secrets, and the person who logs in is the account whose app id is the {@code client_id}
 * (or {@code oauth.ig-user-id} when a test sets it).
 */
@SandboxBean
final class SandboxLogins {

    private final AccountsProperties accounts;
    private final SandboxSettings settings;

    SandboxLogins(AccountsProperties accounts, SandboxSettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    /** The configured account that declares app {@code appId} for {@code login}. */
    Optional<AccountConfig> app(Login login, String appId) {
        if (appId == null || appId.isBlank()) {
            return Optional.empty();
        }
        return accounts.accounts().stream()
                .filter(a -> a.login() == login && appId.equals(a.appId()) && a.appSecret() != null)
                .findFirst();
    }

    /** True when {@code secret} is the secret of app {@code appId} for either login. */
    boolean secretMatches(String appId, String secret) {
        return secret != null && accounts.accounts().stream()
                .anyMatch(a -> appId != null && appId.equals(a.appId()) && secret.equals(a.appSecret()));
    }

    /** The person who approves a login to {@code app}: the token-to-be's owner, scopes and app. */
    AccessToken approvingUser(AccountConfig app, List<String> scopes) {
        String override = settings.current().oauth().igUserId();
        String igUserId = override != null && !override.isBlank() ? override
                : app.igUserId() != null ? app.igUserId() : "178414" + app.appId();
        String username = accounts.accounts().stream()
                .filter(a -> igUserId.equals(a.igUserId()))
                .map(AccountConfig::id)
                .findFirst()
                .orElse("sandbox_" + igUserId);
        String fbUserId = app.login() == Login.FACEBOOK ? FacebookPages.facebookUserOf(igUserId) : null;
        return new AccessToken("", app.login(), TokenKind.SHORT_LIVED, igUserId, username, null, null, scopes,
                app.appId(), fbUserId);
    }
}
