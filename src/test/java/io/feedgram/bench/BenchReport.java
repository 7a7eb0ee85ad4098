package io.feedgram.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import io.feedgram.bench.Figures.Feeds;
import io.feedgram.bench.Figures.Inbox;
import io.feedgram.bench.Figures.KindRun;
import io.feedgram.bench.Figures.PolicyRun;
import io.feedgram.bench.Figures.Spread;
import io.feedgram.bench.Figures.StartUps;
import io.feedgram.bench.Figures.Throughput;

/** The benchmark's Markdown report, written as each part's figures arrive, with the charts beside it. */
final class BenchReport {

    private final StringBuilder out = new StringBuilder();
    private final Path dir;
    private final BenchCharts charts;

    BenchReport(Path dir, Path jar, String loadAverage) {
        this.dir = dir;
        this.charts = new BenchCharts(dir);
        out.append("# Feedgram benchmark\n\n");
        line("Run %s on %s; jar `%s`.", Instant.now().truncatedTo(ChronoUnit.SECONDS), Benchmark.machine(), jar.getFileName());
        line("Load average when it began: %s (other processes share these cores).", loadAverage);
        if (!FeedgramJar.JAVA_OPTIONS.isEmpty()) {
            line("JVM options of every start: `%s`.", String.join(" ", FeedgramJar.JAVA_OPTIONS));
        }
        out.append("\nEvery part starts the packaged jar as its own process (`java -jar`, from the repository root) against"
                + " the built-in sandbox, with the sandbox's media taken on trust (`fetch-media: false`), a quota nobody"
                + " reaches and `min-interval: 0s`; the media and feeds come from a small HTTP server inside the benchmark.\n");
    }

    void startUps(List<StartUps> ways) {
        section("Start-up");
        out.append("The shipped configuration (the demo); the first run on an empty data folder (Flyway creates the"
                + " schema), the others restarts on what it left. From the process's start to"
                + " `/actuator/health/readiness` answering UP, the JVM's own \"process running for\" figure, and the CPU"
                + " time (user and system, all threads) the process had used when it was ready. On a shared machine the"
                + " wall times grow with the load; the CPU time grows much less.\n\n");
        out.append("| way | first start ms | restarts ms | JVM-reported ms | CPU time ms |\n|---|---:|---|---|---|\n");
        for (StartUps way : ways) {
            line("| %s | %.0f | %s | %s | %s |", way.way(), way.readyMs().get(0), join(way.readyMs().subList(1, way.readyMs().size())),
                    join(way.jvmReportedMs()), join(way.cpuMs()));
        }
        out.append('\n').append(charts.startUps(ways)).append('\n');
        save();
    }

    void throughput(List<Throughput> runs) {
        section("Engine throughput");
        out.append("Image posts submitted through `POST /api/v1/posts` by 32 clients, round robin over the accounts, processing"
                + " instant; from the first submission to the last publish Instagram (the sandbox) saw. With one publish in"
                + " flight per account and 300 ms per Graph answer, 20 accounts cap publishing near 66 posts/s, so the"
                + " latency run uses 60. A run the engine did not finish within its time bound counts up to the bound."
                + " CPU is what the Feedgram process used meanwhile, the sandbox answering its Graph calls included; 2,000 ms"
                + " divided by it is the rate two cores could sustain. Each setting runs twice in one process: first fresh"
                + " (the JIT compilers still at work on the code), then a second batch of as many posts, as in a server"
                + " that has been up a while; the second batch's counts by state include the first's.\n\n");
        out.append("| run | published | failed | finished | seconds | posts/s | submitting s | CPU ms/post | posts by state at the end |\n");
        out.append("|---|---:|---:|---|---:|---:|---:|---:|---|\n");
        for (Throughput run : runs) {
            line("| %s | %d of %d | %d | %s | %.1f | %.2f | %.1f | %.1f | %s |", run.label(), run.published(), run.submitted(),
                    run.failed(), run.complete() ? "yes" : "no, bound reached", run.seconds(), run.postsPerSecond(),
                    run.submittingSeconds(), run.cpuMsPerPost(), run.atTheEnd());
        }
        out.append('\n').append(charts.throughput(runs)).append('\n');
        save();
    }

    void polling(List<PolicyRun> policies) {
        section("Graph calls and ready-to-published lag, by poll policy");
        out.append("One post of each kind per account (20), one kind at a time, after a first round of images that is not"
                + " counted (the JIT's warm-up). Sandbox processing: each container its own time, images and carousel"
                + " parents 0.5-1 s, videos 2.75-3.25 s. Minimum calls: image and story 3 (create, publish, permalink read), reel 4 (plus"
                + " one status read), carousel of n images n + 4 (n + 1 creates, one status read of the parent, publish,"
                + " permalink). Lag: from the moment the sandbox made the container ready to its publish.\n\n");
        out.append("Each policy is asked for through `feedgram.publishing.poll-policy` (`adaptive` or `fixed`) and, for"
                + " `fixed`, `feedgram.publishing.poll-interval`.\n");
        for (PolicyRun policy : policies) {
            if (!policy.undeclared().isEmpty()) {
                line("- `%s`: this build does not declare %s, so it ignored %s.", policy.policy(), policy.undeclared(),
                        policy.undeclared().size() == 1 ? "it" : "them");
            }
        }
        out.append("\n| poll policy | kind | published | failed | Graph calls/post | minimum | × minimum | lag median ms | lag p95 ms |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PolicyRun policy : policies) {
            for (KindRun kind : policy.kinds()) {
                line("| %s | %s | %d | %d | %.2f | %d | %.2f | %.0f | %.0f |", policy.policy(), kind.kind().label(),
                        kind.published(), kind.failed(), kind.callsPerPost(), kind.kind().minimumCalls(),
                        kind.callsPerPost() / kind.kind().minimumCalls(), kind.lagMs().median(), kind.lagMs().p95());
            }
        }
        out.append("\nCalls per post by call, default policy:\n\n| kind | call | per post |\n|---|---|---:|\n");
        for (KindRun kind : policies.get(0).kinds()) {
            kind.callsByShape().forEach((call, perPost) -> line("| %s | `%s` | %.2f |", kind.kind().label(), call, perPost));
        }
        out.append('\n').append(charts.calls(policies)).append('\n').append(charts.lag(policies)).append('\n');
        save();
    }

    void inbox(Inbox inbox) {
        section("Inbox");
        line("%d image posts from %d concurrent clients, publishing off so they stay queued.", inbox.posts(), inbox.clients());
        out.append("\n| accepted posts/s | latency median ms | p95 ms | p99 ms | max ms | heap before MiB | heap with the posts queued MiB |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        line("| %.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |", inbox.postsPerSecond(), inbox.latencyMs().median(),
                inbox.latencyMs().p95(), inbox.latencyMs().p99(), inbox.latencyMs().max(), mib(inbox.heapBeforeBytes()),
                mib(inbox.heapAfterBytes()));
        line("\nThe newest page of the post list (`GET /api/v1/posts?limit=100`) with the %d posts stored, %d reads one after"
                + " another: median %.1f ms, max %.1f ms; of one account (`&account=`, a twentieth of them):"
                + " median %.1f ms, max %.1f ms.",
                inbox.posts(), inbox.newestPageMs().count(), inbox.newestPageMs().median(), inbox.newestPageMs().max(),
                inbox.newestAccountPageMs().median(), inbox.newestAccountPageMs().max());
        out.append("\nHeap: used after a full collection (`jcmd GC.run`), Micrometer's `jvm.memory.used{area=heap}`.\n\n");
        out.append(charts.inbox(inbox)).append('\n');
        save();
    }

    void feeds(Feeds feeds) {
        section("Unchanged feeds");
        line("%d feeds configured in `feedgram.feeds`, each `every: %ds`, served by a host that honours If-None-Match and"
                + " If-Modified-Since. After every feed's first full answer, CPU time of the process over %.0f s of wall time.",
                feeds.feeds(), feeds.every().toSeconds(), feeds.windowSeconds());
        out.append("\n| CPU s per minute | 304 answers in the window | full answers in the window | CPU ms per 304 | idle Feedgram CPU s per minute |\n");
        out.append("|---:|---:|---:|---:|---:|\n");
        line("| %.2f | %d | %d | %.2f | %.2f |", feeds.cpuSecondsPerMinute(), feeds.notModified(), feeds.fullAnswers(),
                feeds.notModified() == 0 ? Double.NaN : feeds.cpuSeconds() * 1000 / feeds.notModified(),
                feeds.idleCpuSecondsPerMinute());
        out.append("\nIdle: the default-policy process of the polling part, 20 accounts and one daily feed, over 30 s"
                + " after its runs (NaN when that part did not run).\n");
        save();
    }

    void finish(String loadAverage) {
        out.append("\nLoad average when it ended: ").append(loadAverage).append(".\n");
        save();
    }

    /** Written after every part, so that a run cut short keeps what it measured. */
    private void save() {
        try {
            Files.writeString(dir.resolve("report.md"), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String markdown() {
        return out.toString();
    }

    private void section(String title) {
        out.append("\n## ").append(title).append("\n\n");
    }

    private void line(String format, Object... values) {
        out.append(String.format(Locale.ROOT, format, values)).append('\n');
    }

    private static String join(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
