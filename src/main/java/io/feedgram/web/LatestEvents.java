package io.feedgram.web;

import java.util.Comparator;
import java.util.List;

import io.feedgram.account.AccountApi.AccountView;
import io.feedgram.webhook.EventApi;
import io.feedgram.webhook.EventType;
import io.feedgram.webhook.EventView;
import org.springframework.stereotype.Component;

/**
 * The overview's events: each account's latest comments, mentions and messages, account by account,
 * newest first within each. Read through the events API's own bean, one page per account and type, so
 * an account flooded with reads or reactions still shows its comments.
 */
@Component
class LatestEvents {

    private static final List<EventType> SHOWN = List.of(EventType.COMMENT, EventType.MENTION, EventType.MESSAGE);
    private static final int PER_ACCOUNT = 5;
    private static final Comparator<EventView> NEWEST_FIRST =
            Comparator.comparing(EventView::receivedAt).thenComparing(EventView::id).reversed();

    private final EventApi events;

    LatestEvents(EventApi events) {
        this.events = events;
    }

    List<EventView> of(List<AccountView> accounts) {
        return accounts.stream().flatMap(account -> latest(account.id()).stream()).toList();
    }

    private List<EventView> latest(String account) {
        return SHOWN.stream()
                .flatMap(type -> events.list(account, type.name(), null, null, String.valueOf(PER_ACCOUNT), null)
                        .items().stream())
                .sorted(NEWEST_FIRST).limit(PER_ACCOUNT).toList();
    }
}
