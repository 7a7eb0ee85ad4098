package io.feedgram.web;

import io.feedgram.account.AccountApi;
import io.feedgram.webhook.EventApi;
import io.feedgram.webhook.EventType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What came back from Instagram: the events filtered by account and type, newest first, paged, read
 * through the events API's own bean ({@link EventApi}), so a bad filter is refused with the API's reason.
 */
@Controller
class EventPages {

    private static final String PAGE_SIZE = "20";

    private final EventApi events;
    private final AccountApi accounts;

    EventPages(EventApi events, AccountApi accounts) {
        this.events = events;
        this.accounts = accounts;
    }

    @GetMapping("/events")
    String list(@RequestParam(required = false) String account, @RequestParam(required = false) String type,
                @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", events.list(account, type, null, null, PAGE_SIZE, cursor));
        model.addAttribute("types", EventType.values());
        model.addAttribute("accounts", accounts.list());
        model.addAttribute("account", account);
        model.addAttribute("type", type);
        return "events";
    }
}
