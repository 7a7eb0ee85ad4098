package io.feedgram.web;

import io.feedgram.feed.FeedApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The feeds: last poll, outcome, counts, next poll, the last error in full; Poll now and Preview. */
@Controller
class FeedPages {

    private final FeedApi feeds;
    private final FeedActions actions;

    FeedPages(FeedApi feeds, FeedActions actions) {
        this.feeds = feeds;
        this.actions = actions;
    }

    @GetMapping("/feeds")
    String list(Model model) {
        model.addAttribute("feeds", feeds.list());
        return "feeds";
    }

    @PostMapping("/feeds/{id}/poll")
    String poll(@PathVariable String id) {
        return "redirect:/feeds#feed-" + actions.pollNow(id).id();
    }

    @GetMapping("/feeds/{id}/preview")
    String preview(@PathVariable String id, Model model) {
        model.addAttribute("feed", feeds.get(id));
        model.addAttribute("preview", actions.preview(id));
        return "preview";
    }
}
