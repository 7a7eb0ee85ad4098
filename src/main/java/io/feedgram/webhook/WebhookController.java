package io.feedgram.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.feedgram.account.AccountCredentials;
import io.feedgram.api.ApiProblem;
import io.feedgram.api.ApiProperties;
import io.feedgram.api.BoundedBody;
import io.feedgram.api.ProblemWriter;
import io.feedgram.system.DurableWrites;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meta's door, {@code /webhooks/instagram}, outside the API and without an API key: Meta proves itself
 * with the verify token (GET) and the app secret's signature (POST) instead (docs/instagram.md#webhooks).
 * A delivery is stored before the 200; an unsigned (401), wrongly signed (403) or oversized (413) one is
 * refused and nothing of it is stored. The webhooks route processes what was stored.
 */
@RestController
@RequestMapping("/webhooks/instagram")
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);
    static final String SIGNATURE = "X-Hub-Signature-256";

    private final WebhooksProperties properties;
    private final WebhookDeliveries deliveries;
    private final AccountCredentials accounts;
    private final ProblemWriter problems;
    private final ApiProperties api;
    private final DurableWrites durable;

    WebhookController(WebhooksProperties properties, WebhookDeliveries deliveries, AccountCredentials accounts,
                      ProblemWriter problems, ApiProperties api, DurableWrites durable) {
        this.durable = durable;
        this.properties = properties;
        this.deliveries = deliveries;
        this.accounts = accounts;
        this.problems = problems;
        this.api = api;
    }

    /** The verification handshake: the challenge, as the plain body, only for the right verify token. */
    @GetMapping
    ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) String mode,
                                  @RequestParam(name = "hub.verify_token", required = false) String token,
                                  @RequestParam(name = "hub.challenge", required = false) String challenge) {
        String expected = properties.verifyToken();
        boolean matches = expected != null && !expected.isBlank() && token != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        if (!"subscribe".equals(mode) || !matches || challenge == null) {
            return ResponseEntity.status(403).contentType(MediaType.TEXT_PLAIN).body("verification refused");
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
    }

    @PostMapping
    void receive(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            byte[] body = read(request);
            if (request.getHeader(SIGNATURE) == null) {
                throw new ApiProblem(401, "unsigned-delivery", "Unsigned delivery",
                        "A delivery must carry " + SIGNATURE + ".", null);
            }
            if (!WebhookSignature.valid(request.getHeader(SIGNATURE), body, accounts.appSecrets())) {
                throw new ApiProblem(403, "bad-signature", "Bad signature",
                        SIGNATURE + " is not the signature of this body by any configured app.", null);
            }
            if (!deliveries.store(body)) {
                log.info("Webhook delivery received again ({} bytes): already stored", body.length);
            }
            durable.await();                                  // Meta does not send a delivery it saw answered 200 again
        } catch (ApiProblem refused) {
            log.warn("Webhook delivery refused: {}", refused.getMessage());
            problems.writeTo(response, refused);
            return;
        }
        response.setStatus(200);
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.getWriter().write("EVENT_RECEIVED");
    }

    private byte[] read(HttpServletRequest request) throws IOException {
        long max = properties.maxBodySize().toBytes();
        if (request.getContentLengthLong() > max) {
            throw BoundedBody.tooLarge(max);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        BoundedBody.copy(request.getInputStream(), body, max, api.bodyTimeout());
        return body.toByteArray();
    }
}
