package io.feedgram.web;

import io.feedgram.account.AccountApi;
import io.feedgram.inbox.Inbox;
import io.feedgram.inbox.PostView;
import io.feedgram.post.PostStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The posts: a list filtered by status and account, newest first, paged; one post with its media,
 * history, error and permalink; Retry and Cancel through the posts API's own rules ({@link Inbox}).
 */
@Controller
class PostPages {

    private static final String PAGE_SIZE = "20";

    private final Inbox inbox;
    private final AccountApi accounts;
    private final PostMedia media;

    PostPages(Inbox inbox, AccountApi accounts, PostMedia media) {
        this.inbox = inbox;
        this.accounts = accounts;
        this.media = media;
    }

    @GetMapping("/posts")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String account,
                @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", inbox.list(status, account, PAGE_SIZE, cursor));
        model.addAttribute("statuses", PostStatus.values());
        model.addAttribute("accounts", accounts.list());
        model.addAttribute("status", status);
        model.addAttribute("account", account);
        return "posts";
    }

    @GetMapping("/posts/{id}")
    String post(@PathVariable String id, Model model) {
        PostView post = inbox.get(id);
        PostStatus status = PostStatus.valueOf(post.status());
        model.addAttribute("post", post);
        model.addAttribute("media", media.of(post));
        model.addAttribute("whyNoRetry", Inbox.whyNoRetry(status).orElse(null));
        model.addAttribute("whyNoCancel", Inbox.whyNoCancel(status).orElse(null));
        model.addAttribute("live", PostStatus.ACTIVE.contains(status));
        return "post";
    }

    @PostMapping("/posts/{id}/retry")
    String retry(@PathVariable String id) {
        return "redirect:/posts/" + inbox.retry(id).id();
    }

    @PostMapping("/posts/{id}/cancel")
    String cancel(@PathVariable String id) {
        return "redirect:/posts/" + inbox.cancel(id).id();
    }
}
