package io.feedgram.web;

import io.feedgram.account.AccountApi;
import io.feedgram.feed.FeedApi;
import io.feedgram.inbox.Inbox;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard's home: the latest posts, every account and every feed on one page, and the totals fragment. */
@Controller
class OverviewPage {

    private static final String LATEST = "10";

    private final Inbox inbox;
    private final AccountApi accounts;
    private final FeedApi feeds;

    OverviewPage(Inbox inbox, AccountApi accounts, FeedApi feeds) {
        this.inbox = inbox;
        this.accounts = accounts;
        this.feeds = feeds;
    }

    @GetMapping("/")
    String overview(Model model) {
        model.addAttribute("page", inbox.list(null, null, LATEST, null));
        model.addAttribute("accounts", accounts.list());
        model.addAttribute("feeds", feeds.list());
        return "overview";
    }

    /** The header's figures alone, which the header fetches again every few seconds. */
    @GetMapping("/totals")
    String totals() {
        return "layout :: totals";
    }
}
