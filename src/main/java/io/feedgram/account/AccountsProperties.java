package io.feedgram.account;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The accounts declared in {@code application.yaml} under {@code feedgram.accounts}.
 *
 * @param accounts the Instagram professional accounts Feedgram publishes to: id, login (instagram or
 *                 facebook), ig-user-id, page-id (Facebook Login: the linked Page, which messages and subscribes
 *                 to webhooks), access-token, and app-id and app-secret for connecting and refreshing
 */
@ConfigurationProperties("feedgram")
public record AccountsProperties(List<AccountConfig> accounts) {

    public AccountsProperties {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    public Optional<AccountConfig> find(String accountId) {
        return accounts.stream().filter(a -> a.id().equals(accountId)).findFirst();
    }
}
