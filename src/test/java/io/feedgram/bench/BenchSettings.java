package io.feedgram.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settings the benchmark starts Feedgram with, over the shipped {@code application.yaml}: the built-in sandbox as
 * Instagram with media taken on trust and a quota nobody reaches, no minimum interval between publishes, benchmark
 * accounts instead of the demo, and feeds served by the {@link BlogHost}.
 */
final class BenchSettings {

    private static final String ENCRYPTION_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private final Map<String, Object> settings = new LinkedHashMap<>();

    private BenchSettings() {
    }

    /** {@code accounts} accounts and one feed polled once a day (the shipped demo feed names the demo account). */
    static BenchSettings engine(int accounts, BlogHost host) {
        BenchSettings bench = new BenchSettings();
        bench.settings.put("feedgram.demo.enabled", false);
        bench.settings.put("feedgram.sandbox.enabled", true);
        bench.settings.put("feedgram.sandbox.fetch-media", false);
        bench.settings.put("feedgram.sandbox.quota-total", 1_000_000);
        bench.settings.put("feedgram.publishing.min-interval", "0s");
        bench.settings.put("feedgram.security.encryption-key", ENCRYPTION_KEY);
        bench.settings.put("feedgram.api.keys", List.of(BenchClient.API_KEY));
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            list.add(Map.of("id", Benchmark.account(i), "login", "instagram",
                    "ig-user-id", String.valueOf(17841400000100000L + i), "access-token", "IGAA-bench-" + i));
        }
        bench.settings.put("feedgram.accounts", list);
        return bench.feeds(1, Duration.ofDays(1), host);
    }

    /** {@code count} feeds of the blog host, each polled {@code every}, spread over the accounts. */
    BenchSettings feeds(int count, Duration every, BlogHost host) {
        int accounts = ((List<?>) settings.get("feedgram.accounts")).size();
        List<Map<String, Object>> feeds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            feeds.add(Map.of("id", String.format(Locale.ROOT, "blog-%04d", i), "url", host.url("/feeds/" + i + ".xml"),
                    "account", Benchmark.account(i % accounts), "every", every.toSeconds() + "s"));
        }
        settings.put("feedgram.feeds", feeds);
        return this;
    }

    BenchSettings with(String key, Object value) {
        settings.put(key, value);
        return this;
    }

    BenchSettings with(Map<String, Object> keys) {
        settings.putAll(keys);
        return this;
    }

    Map<String, Object> asMap() {
        return settings;
    }
}
