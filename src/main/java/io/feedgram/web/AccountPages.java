package io.feedgram.web;

import io.feedgram.account.AccountApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The accounts: login kind, connection, token expiry, quota, last publish, pause; Refresh token and
 * Disconnect through the accounts API's own bean; Connect is the connect flow's own page. The quota
 * is read from Instagram, one call per account, so the list loads it per row (or all at once with
 * {@code ?quota=all} for a browser without JavaScript).
 */
@Controller
class AccountPages {

    private final AccountApi accounts;

    AccountPages(AccountApi accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/accounts")
    String list(@RequestParam(required = false) String quota, Model model) {
        boolean withQuota = "all".equals(quota);
        model.addAttribute("accounts", withQuota
                ? accounts.list().stream().map(account -> accounts.get(account.id())).toList() : accounts.list());
        model.addAttribute("withQuota", withQuota);
        return "accounts";
    }

    @GetMapping("/accounts/{id}/quota")
    String quota(@PathVariable String id, Model model) {
        model.addAttribute("a", accounts.get(id));
        return "tables :: quota";
    }

    @PostMapping("/accounts/{id}/refresh")
    String refresh(@PathVariable String id) {
        return "redirect:/accounts#account-" + accounts.refresh(id).id();
    }

    @PostMapping("/accounts/{id}/disconnect")
    String disconnect(@PathVariable String id) {
        return "redirect:/accounts#account-" + accounts.disconnect(id).id();
    }
}
