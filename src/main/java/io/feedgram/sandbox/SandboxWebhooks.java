package io.feedgram.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.feedgram.account.AccountConfig;
import io.feedgram.account.AccountsProperties;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * Delivers webhooks as Meta does (docs/instagram.md#webhooks): a JSON body with non-ASCII escaped as
 * {@code \\uXXXX}, signed {@code X-Hub-Signature-256} with the app secret of the account's app over the
 * exact bytes sent, and tried again with a doubling wait whenever the answer is not 200. What was
 * delivered, and how often it was tried, is listed at {@code /sandbox/_inspect/webhooks}.
 */
@SandboxBean
final class SandboxWebhooks {

    private static final Logger log = LoggerFactory.getLogger(SandboxWebhooks.class);

    /** One delivery: its body, how often it was sent, and the last answer (0: no answer). */
    record Delivery(String owner, String body, int attempts, int lastStatus, boolean delivered) {
    }

    private final ObjectMapper escaping = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sandbox-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final AccountsProperties accounts;
    private final SandboxSettings settings;
    private final Environment environment;
    private final List<Delivery> deliveries = new ArrayList<>();
    /** Bumped by a reset: retries scheduled before it are dropped. */
    private final AtomicInteger generation = new AtomicInteger();

    SandboxWebhooks(AccountsProperties accounts, SandboxSettings settings, Environment environment) {
        this.accounts = accounts;
        this.settings = settings;
        this.environment = environment;
    }

    /** Sends {@code payload} about {@code owner}'s account now, and again later until it is answered 200. */
    void deliver(String owner, Map<String, Object> payload) {
        String body;
        try {
            body = escaping.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a webhook", e);
        }
        int index;
        synchronized (deliveries) {
            index = deliveries.size();
            deliveries.add(new Delivery(owner, body, 0, 0, false));
        }
        int current = generation.get();
        timer.execute(() -> attempt(index, owner, body, 0, current));
    }

    private void attempt(int index, String owner, String body, int retry, int expectedGeneration) {
        if (generation.get() != expectedGeneration) {
            return;
        }
        SandboxProperties.Messaging messaging = settings.current().messaging();
        int status = send(owner, body);
        synchronized (deliveries) {
            if (generation.get() == expectedGeneration) {
                deliveries.set(index, new Delivery(owner, body, retry + 1, status, status == 200));
            }
        }
        if (status != 200 && retry < messaging.webhookRetries()) {
            long delay = messaging.webhookRetryDelay().toMillis() << Math.min(retry, 20);
            timer.schedule(() -> attempt(index, owner, body, retry + 1, expectedGeneration), delay, TimeUnit.MILLISECONDS);
        }
    }

    private int send(String owner, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(callbackUrl()))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        secretOf(owner).ifPresent(secret -> request.header("X-Hub-Signature-256", "sha256=" + sign(bytes, secret)));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            log.info("Sandbox webhook not delivered ({}); it is tried again", e.toString());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private String callbackUrl() {
        String configured = settings.current().messaging().webhookUrl();
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"))
                + "/webhooks/instagram";
    }

    /** The app that receives the account's webhooks: the configured account's app secret. */
    private java.util.Optional<String> secretOf(String owner) {
        return accounts.accounts().stream()
                .filter(a -> owner.equals(a.igUserId()) && a.appSecret() != null)
                .map(AccountConfig::appSecret).findFirst();
    }

    private static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    List<Delivery> list() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    void clear() {
        generation.incrementAndGet();
        synchronized (deliveries) {
            deliveries.clear();
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
