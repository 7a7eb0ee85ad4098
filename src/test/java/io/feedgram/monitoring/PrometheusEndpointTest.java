package io.feedgram.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.feedgram.feed.TestFeedServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 11, point 3: what an operator scrapes, after a real publish, a Graph error and two feed polls. */
class PrometheusEndpointTest extends MonitoringTestSupport {

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Autowired
    TestFeedServer feeds;

    @Autowired
    JdbcClient jdbc;

    /** One line of the exposition format. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    @Test
    void theScrapeNeedsAnApiKeyAndTheProbesDoNot() {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "not-a-key").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", API_KEY).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void everyFamilyIsThereWithSaneValuesAndNoSecretOrCaptionInALabel() {
        jdbc.sql("update account set token_expires_at = ? where id = 'alpha'")
                .param(Instant.now().plus(Duration.ofDays(10)).atOffset(ZoneOffset.UTC)).update();
        sandbox.faultFor("create-server-error", ALPHA, 1);
        awaitPublished(submitImage());
        feeds.publish("monitoring", """
                <?xml version="1.0"?><rss version="2.0"><channel><title>News</title><link>{base}</link>
                <item><title>One</title><link>{base}/one</link><guid>one</guid></item></channel></rss>""");
        assertThat(post("/api/v1/feeds/news/poll").statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/feeds/news/poll").statusCode()).isEqualTo(200);

        String scrape = get("/actuator/prometheus", API_KEY).body();
        List<Sample> samples = parse(scrape);

        assertThat(value(samples, "feedgram_posts", "account", "alpha", "status", "PUBLISHED")).isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "feedgram_posts", "account", "alpha", "status", "FAILED")).isZero();
        assertThat(value(samples, "feedgram_post_history_total", "account", "alpha", "status", "PUBLISHED"))
                .isGreaterThanOrEqualTo(1);
        double published = value(samples, "feedgram_post_publish_delay_seconds_count", "kind", "FEED");
        assertThat(published).isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "feedgram_post_publish_delay_seconds_bucket", "kind", "FEED", "le", "+Inf"))
                .isEqualTo(published);
        assertThat(value(samples, "feedgram_post_publish_delay_seconds_sum", "kind", "FEED")).isBetween(0.0, 600.0);
        assertThat(value(samples, "feedgram_container_processing_seconds_count", "kind", "FEED")).isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "feedgram_graph_calls_seconds_count",
                "endpoint", "POST /{id}/media_publish", "outcome", "ok", "code", "none")).isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "feedgram_graph_calls_seconds_count",
                "endpoint", "POST /{id}/media", "outcome", "error", "code", "2")).isGreaterThanOrEqualTo(1);
        // Read before the publish, so it does not count it yet.
        double limit = value(samples, "feedgram_account_quota_limit", "account", "alpha");
        assertThat(limit).isGreaterThan(1);
        assertThat(value(samples, "feedgram_account_quota_used", "account", "alpha")).isBetween(0.0, limit);
        assertThat(value(samples, "feedgram_token_days_left", "account", "alpha")).isBetween(9.9, 10.0);
        assertThat(value(samples, "feedgram_feed_polls_total", "feed", "news", "outcome", "ok")).isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "feedgram_feed_polls_total", "feed", "news", "outcome", "not_modified"))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "feedgram_media_items_total", "outcome", "passed")).isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "camel_exchanges_total", "routeId", "post-step")).isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "camel_route_policy_seconds_count", "routeId", "post-work")).isGreaterThanOrEqualTo(1);

        // Read again: the lines re-read in the overlap are not counted twice.
        List<Sample> again = parse(get("/actuator/prometheus", API_KEY).body());
        assertThat(value(again, "feedgram_post_publish_delay_seconds_count", "kind", "FEED")).isEqualTo(published);
        assertThat(value(again, "feedgram_post_history_total", "account", "alpha", "status", "PUBLISHED"))
                .isEqualTo(value(samples, "feedgram_post_history_total", "account", "alpha", "status", "PUBLISHED"));

        assertThat(scrape).doesNotContain(TOKEN, APP_SECRET, API_KEY, marker, "Caption");
        assertThat(samples).flatMap(sample -> sample.labels().values()).noneMatch(label -> label.contains("://"));
    }

    /** The one sample of that name whose labels include these (name, value, name, value, ...). */
    private static double value(List<Sample> samples, String name, String... labels) {
        List<Sample> matching = samples.stream().filter(sample -> sample.name().equals(name))
                .filter(sample -> {
                    for (int i = 0; i < labels.length; i += 2) {
                        if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
                            return false;
                        }
                    }
                    return true;
                }).toList();
        assertThat(matching).as(name + " " + List.of(labels)).hasSize(1);
        return matching.get(0).value();
    }

    private static List<Sample> parse(String scrape) {
        List<Sample> samples = new ArrayList<>();
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches()) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
        return samples;
    }
}
