package io.feedgram.connect;

import java.net.URI;
import java.util.Map;

import io.feedgram.system.DurableWrites;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The browser's side of connecting an account: {@code /connect/{instagram|facebook}?account=ID}
 * starts, {@code .../callback} is where Meta sends the browser back, {@code /connect/done} is the
 * default last page. Spring MVC rather than Camel REST: these are browser redirects outside the
 * {@code /api/v1} API (no JSON, no API key), one hop each.
 */
@RestController
class ConnectController {

    private final ConnectsInstagramAccount instagram;
    private final ConnectsFacebookAccount facebook;
    private final DurableWrites durable;

    ConnectController(ConnectsInstagramAccount instagram, ConnectsFacebookAccount facebook, DurableWrites durable) {
        this.instagram = instagram;
        this.facebook = facebook;
        this.durable = durable;
    }

    @GetMapping("/connect/instagram")
    ResponseEntity<Void> startInstagram(@RequestParam(name = "account", required = false) String account) {
        return redirect(instagram.start(account));
    }

    @GetMapping("/connect/instagram/callback")
    ResponseEntity<Void> instagramCallback(@RequestParam Map<String, String> params) {
        return stored(instagram.finish(params));
    }

    @GetMapping("/connect/facebook")
    ResponseEntity<Void> startFacebook(@RequestParam(name = "account", required = false) String account) {
        return redirect(facebook.start(account));
    }

    @GetMapping("/connect/facebook/callback")
    ResponseEntity<Void> facebookCallback(@RequestParam Map<String, String> params) {
        return stored(facebook.finish(params));
    }

    /** The default {@code success-url}: says what happened, in plain words. */
    @GetMapping(value = "/connect/done", produces = MediaType.TEXT_HTML_VALUE)
    String done(@RequestParam Map<String, String> params) {
        String text;
        if ("true".equals(params.get("connected"))) {
            text = "Connected account " + params.getOrDefault("account", "") + " as @" + params.getOrDefault("username", "")
                    + ". Feedgram publishes with it from now on; you can close this page.";
        } else {
            text = "Not connected (" + params.getOrDefault("error", "unknown") + "). " + params.getOrDefault("message", "");
        }
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Feedgram</title></head><body><p>"
                + HtmlUtils.htmlEscape(text) + "</p></body></html>";
    }

    /** The callback's answer once the connected account's token is durable: the user is told it is connected. */
    private ResponseEntity<Void> stored(String location) {
        durable.await();
        return redirect(location);
    }

    private static ResponseEntity<Void> redirect(String location) {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(location)).build();
    }
}
