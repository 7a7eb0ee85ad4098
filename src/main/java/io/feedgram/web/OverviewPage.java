package io.feedgram.web;

import java.util.List;

import io.feedgram.account.AccountApi;
import io.feedgram.account.AccountApi.AccountView;
import io.feedgram.feed.FeedApi;
import io.feedgram.inbox.Inbox;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard's home: the latest posts, every account, every feed and each account's latest events on
 * one page, and the totals fragment.
 */
@Controller
class OverviewPage {

    private static final String LATEST = "10";

    private final Inbox inbox;
    private final AccountApi accounts;
    private final FeedApi feeds;
    private final LatestEvents events;

    OverviewPage(Inbox inbox, AccountApi accounts, FeedApi feeds, LatestEvents events) {
        this.inbox = inbox;
        this.accounts = accounts;
        this.feeds = feeds;
        this.events = events;
    }

    @GetMapping("/")
    String overview(Model model) {
        model.addAttribute("page", inbox.list(null, null, LATEST, null));
        List<AccountView> all = accounts.list();
        model.addAttribute("accounts", all);
        model.addAttribute("feeds", feeds.list());
        model.addAttribute("events", events.of(all));
        return "overview";
    }

    /** The header's figures alone, which the header fetches again every few seconds. */
    @GetMapping("/totals")
    String totals() {
        return "layout :: totals";
    }
}
