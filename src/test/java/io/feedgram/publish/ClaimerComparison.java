package io.feedgram.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.feedgram.post.Post;
import io.feedgram.post.PostLeases;
import io.feedgram.post.PostRepository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Throwaway harness (not a test): claims and completes N trivial tasks with db-scheduler and with
 * Feedgram's own claim statement, on H2 and on embedded PostgreSQL, with the same number of worker
 * threads, and prints the time from start to the last completion. Run:
 * {@code mvn -o -B -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-cp %classpath io.feedgram.publish.ClaimerComparison 2000 16"}
 */
public final class ClaimerComparison {

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        boolean withDbScheduler = args.length < 3 || !args[2].equals("ours-only");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            for (int round = 0; round < 2; round++) {   // the first round warms the JIT
                for (String db : List.of("H2", "PostgreSQL")) {
                    if (withDbScheduler) {
                        try (HikariDataSource ds = dataSource(db, postgres, threads)) {
                            report(round, db, "db-scheduler", dbScheduler(ds, db, tasks, threads), tasks);
                        }
                    }
                    try (HikariDataSource ds = dataSource(db, postgres, threads)) {
                        report(round, db, "feedgram claim", ours(ds, tasks, threads), tasks);
                    }
                }
            }
        }
        System.exit(0);
    }

    private static void report(int round, String db, String claimer, Duration took, int tasks) {
        if (round > 0) {
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %.2f | %.0f |%n", db, claimer, tasks, took.toNanos() / 1e9,
                    tasks / (took.toNanos() / 1e9));
        }
    }

    private static HikariDataSource dataSource(String db, EmbeddedPostgres postgres, int threads) {
        HikariConfig config = new HikariConfig();
        if (db.equals("H2")) {
            config.setJdbcUrl("jdbc:h2:file:./target/claimers/" + UUID.randomUUID() + ";WRITE_DELAY=0");
            config.setUsername("sa");
        } else {
            String name = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            JdbcClient.create(postgres.getPostgresDatabase()).sql("create database " + name).update();
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", name));
            config.setUsername("postgres");
        }
        config.setMaximumPoolSize(threads + 4);
        return new HikariDataSource(config);
    }

    private static Duration dbScheduler(DataSource ds, String db, int tasks, int threads) throws Exception {
        String binary = db.equals("H2") ? "varbinary(10000)" : "bytea";
        JdbcClient.create(ds).sql("""
                create table scheduled_tasks (
                  task_name varchar(100) not null, task_instance varchar(100) not null, task_data %s,
                  execution_time timestamp with time zone not null, picked boolean not null, picked_by varchar(50),
                  last_success timestamp with time zone, last_failure timestamp with time zone,
                  consecutive_failures int, last_heartbeat timestamp with time zone, version bigint not null,
                  priority smallint, primary key (task_name, task_instance))""".formatted(binary)).update();
        JdbcClient.create(ds).sql("create index execution_time_idx on scheduled_tasks (execution_time)").update();
        CountDownLatch done = new CountDownLatch(tasks);
        OneTimeTask<Void> task = Tasks.oneTime("trivial").execute((instance, context) -> done.countDown());
        SchedulerClient client = SchedulerClient.Builder.create(ds, task).build();
        Instant due = Instant.now();
        for (int i = 0; i < tasks; i++) {
            client.schedule(task.instance("t" + i), due);
        }
        var builder = Scheduler.create(ds, task).threads(threads).pollingInterval(Duration.ofMillis(100));
        if (db.equals("PostgreSQL")) {
            builder.pollUsingLockAndFetch(0.5, 1.0);     // SKIP LOCKED; H2 gets the default fetch-then-lock
        }
        Scheduler scheduler = builder.build();
        long start = System.nanoTime();
        scheduler.start();
        done.await(5, TimeUnit.MINUTES);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        scheduler.stop();
        return took;
    }

    /** The dispatcher's loop, bare: claim for every free worker in one statement, complete, wake. */
    private static Duration ours(DataSource ds, int tasks, int threads) throws Exception {
        Flyway.configure().dataSource(ds).load().migrate();
        JdbcClient jdbc = JdbcClient.create(ds);
        Clock clock = Clock.systemUTC();
        PostRepository posts = new PostRepository(jdbc, new ObjectMapper(), clock, event -> { });
        PostLeases leases = new PostLeases(jdbc, ds, clock);
        Instant now = Instant.now();
        for (int i = 0; i < tasks; i++) {
            // READY, so that the just-in-time rule for QUEUED posts does not apply; 20 accounts, none locked.
            jdbc.sql("""
                    insert into post (id, account_id, kind, source, status, due_at, attempts, created_at, updated_at)
                    values (?, ?, 'FEED', 'bench', 'READY', ?, 0, ?, ?)""")
                    .params(UUID.randomUUID().toString(), "a" + (i % 20), now.atOffset(ZoneOffset.UTC),
                            now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC)).update();
        }
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        AtomicInteger inFlight = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(tasks);
        Thread dispatcher = Thread.currentThread();
        long start = System.nanoTime();
        while (done.getCount() > 0) {
            int free = threads - inFlight.get();
            boolean worthAClaim = free > 0 && (free >= Math.max(1, threads / 8) || inFlight.get() == 0);
            List<Post> claimed = !worthAClaim ? List.of() : posts.findAll(leases.claim("bench:" + System.nanoTime() + ":",
                    free, 1000, Instant.now(), Instant.now().plusSeconds(120)));
            for (Post post : new ArrayList<>(claimed)) {
                inFlight.incrementAndGet();
                workers.execute(() -> {
                    jdbc.sql("update post set status = 'PUBLISHED', lease_owner = null, lease_until = null"
                            + " where id = ? and lease_owner = ?").params(post.id(), post.leaseOwner()).update();
                    inFlight.decrementAndGet();
                    done.countDown();
                    LockSupport.unpark(dispatcher);
                });
            }
            if (claimed.size() < free || !worthAClaim) {
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        workers.shutdown();
        return took;
    }
}
