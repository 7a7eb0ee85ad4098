package io.feedgram.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedgram.post.MediaItem;
import io.feedgram.post.MediaType;
import io.feedgram.post.NewPost;
import io.feedgram.post.Post;
import io.feedgram.post.PostKind;
import io.feedgram.post.PostOptions;
import io.feedgram.post.PostStatus;
import io.feedgram.testing.SandboxTestHarness;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 10, must-show 2 and 3: many accounts publishing at once through the continuous dispatcher,
 * checked from what Instagram (the sandbox) saw; and the quota held when another tool publishes on
 * the same account unseen by Feedgram.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {   // over the harness's own settings
        "spring.datasource.url=jdbc:h2:mem:concurrent;DB_CLOSE_DELAY=-1",
        "feedgram.publishing.min-interval=" + ConcurrentAccountsTest.MIN_INTERVAL_MS + "ms",
        "feedgram.publishing.quota-margin=2",
})
class ConcurrentAccountsTest extends SandboxTestHarness {

    static final int ACCOUNTS = 20;
    /** An account of the quota test alone, whose quota reading no other test touches. */
    static final int QUOTA_ACCOUNT = ACCOUNTS;
    static final long MIN_INTERVAL_MS = 1500;

    @DynamicPropertySource
    static void accounts(DynamicPropertyRegistry registry) {
        for (int i = 0; i <= QUOTA_ACCOUNT; i++) {
            int n = i;
            String prefix = "feedgram.accounts[" + i + "].";
            registry.add(prefix + "id", () -> account(n));
            registry.add(prefix + "login", () -> "instagram");
            registry.add(prefix + "ig-user-id", () -> igUser(n));
            registry.add(prefix + "access-token", () -> "IGAA-concurrent-" + n);
        }
    }

    static String account(int i) {
        return String.format(Locale.ROOT, "acct-%02d", i);
    }

    static String igUser(int i) {
        return String.valueOf(17841400000900000L + i);
    }

    @Test
    void twentyAccountsPublishAtOnceEachPacedAndOneAtATime() {
        int perAccount = 3;
        List<String> ids = new ArrayList<>();
        for (int round = 0; round < perAccount; round++) {
            for (int i = 0; i < ACCOUNTS; i++) {
                ids.add(submit(account(i)));
            }
        }

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> ids.stream().allMatch(id -> posts.find(id).orElseThrow().status() == PostStatus.PUBLISHED));

        Map<String, List<Instant>> byAccount = new TreeMap<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            List<Instant> times = sandbox.published(igUser(i), marker).stream()
                    .map(m -> Instant.parse(m.path("publishedAt").asText())).sorted().toList();
            assertThat(times).as("publishes Instagram saw for %s", account(i)).hasSize(perAccount);
            byAccount.put(account(i), times);
        }
        // One publish in flight per account and its minimum interval: consecutive publishes of an account, as
        // Instagram timed them, are at least the minimum interval apart.
        byAccount.forEach((account, times) -> {
            for (int k = 1; k < times.size(); k++) {
                assertThat(Duration.between(times.get(k - 1), times.get(k)))
                        .as("gap between publishes %d and %d of %s", k, k + 1, account)
                        .isGreaterThanOrEqualTo(Duration.ofMillis(MIN_INTERVAL_MS));
            }
        });
        // And the accounts did publish concurrently: their spans (first to last publish) overlap, adding up to
        // more than twice the whole run; one account after another, they could add up to no more than it.
        Instant start = byAccount.values().stream().map(t -> t.get(0)).min(Instant::compareTo).orElseThrow();
        Instant end = byAccount.values().stream().map(t -> t.get(t.size() - 1)).max(Instant::compareTo).orElseThrow();
        Duration spans = byAccount.values().stream().map(t -> Duration.between(t.get(0), t.get(t.size() - 1)))
                .reduce(Duration.ZERO, Duration::plus);
        assertThat(spans).isGreaterThan(Duration.between(start, end).multipliedBy(2));
    }

    @Test
    void theQuotaHoldsWhenAnotherToolPublishesOnTheSameAccount() {
        String igUser = igUser(QUOTA_ACCOUNT);
        String account = account(QUOTA_ACCOUNT);
        sandbox.configure("{\"quotaTotal\": 5}");

        // Far from the limit, only the first publish reads the quota.
        awaitStatus(submit(account), PostStatus.PUBLISHED);
        awaitStatus(submit(account), PostStatus.PUBLISHED);
        assertThat(callsTo("content_publishing_limit")).isEqualTo(1);

        // Another tool uses the rest of the quota; Feedgram's count (2 of 5) does not know it.
        sandbox.outsidePublishes(igUser, 3);
        String third = submit(account);
        Post refused = awaitStatus(third, PostStatus.DEFERRED);
        assertThat(refused.error().code()).isEqualTo(9);
        assertThat(refused.error().subcode()).isEqualTo(2207042);
        long publishCalls = callsTo("media_publish");

        // After the refusal Feedgram reads the quota before trying again, and finds it used up.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> callsTo("content_publishing_limit") >= 2);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> posts.history(third).stream().anyMatch(h -> h.detail().contains("publishing quota used up")));
        assertThat(callsTo("media_publish")).as("no publish tried against a quota known to be used up").isEqualTo(publishCalls);
        assertThat(sandbox.published(igUser, marker)).as("Feedgram's publishes on the account").hasSize(2);
        assertThat(posts.find(third).orElseThrow().status()).isIn(PostStatus.DEFERRED, PostStatus.READY);
    }

    private String submit(String account) {
        return posts.insert(new NewPost(account, PostKind.FEED, "Caption " + marker,
                List.of(new MediaItem(mediaUrl("ok.jpg"), MediaType.IMAGE, null)), PostOptions.NONE, "test", null, null));
    }

    private Post awaitStatus(String id, PostStatus status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> posts.find(id).orElseThrow().status(), s -> s == status);
        return posts.find(id).orElseThrow();
    }

    private long callsTo(String edge) {
        long total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = sandbox.calls().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> call = it.next();
            if (call.getKey().endsWith(edge)) {
                total += call.getValue().asLong();
            }
        }
        return total;
    }
}
