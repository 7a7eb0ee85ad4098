package io.feedgram.bench;

import io.feedgram.bench.BenchClient.Submission;
import io.feedgram.bench.BenchClient.Submitted;
import io.feedgram.bench.Figures.Inbox;
import io.feedgram.bench.Figures.Spread;

/**
 * The posts API under concurrent clients, with publishing off ({@code feedgram.publishing.enabled: false}) so that
 * every accepted post stays queued: the accepted posts per second and each request's latency, then how long the newest
 * page of the post list takes with them stored (as the dashboard and an API client ask for it), and the heap those
 * queued posts leave after a full collection, against the heap of the same process before them.
 */
final class InboxRun {

    /** Reads of the newest page, one after another: the first ones pay for the JIT's warm-up, the median does not. */
    private static final int NEWEST_PAGE_READS = 30;

    private final FeedgramJar feedgram;
    private final BlogHost host;
    private final int accounts;

    InboxRun(FeedgramJar feedgram, BlogHost host, int accounts) {
        this.feedgram = feedgram;
        this.host = host;
        this.accounts = accounts;
    }

    Inbox measure(int posts, int clients) {
        System.out.println("inbox: " + posts + " posts from " + clients + " clients ...");
        long before = feedgram.heapUsedAfterGc();
        Submitted submitted = feedgram.client().submitConcurrently(posts, clients, i -> new Submission(
                Benchmark.account(i % accounts), PostKind.IMAGE, PostKind.IMAGE.media.stream().map(m -> host.url("/media/" + m)).toList()));
        int queued = feedgram.client().countPosts("QUEUED");
        if (queued != posts) {
            throw new IllegalStateException(posts + " posts were accepted but " + queued + " are queued");
        }
        Spread newestPage = Spread.of(feedgram.client().timeNewestPage("", NEWEST_PAGE_READS));
        Spread newestAccountPage = Spread.of(feedgram.client().timeNewestPage("&account=" + Benchmark.account(0),
                NEWEST_PAGE_READS));
        long after = feedgram.heapUsedAfterGc();
        return new Inbox(clients, posts, submitted.seconds(), Spread.of(submitted.latenciesMs()), submitted.latenciesMs(),
                newestPage, newestAccountPage, before, after);
    }
}
