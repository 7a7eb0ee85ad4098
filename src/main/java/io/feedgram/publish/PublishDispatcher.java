package io.feedgram.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.feedgram.post.Post;
import io.feedgram.post.PostsDue;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps up to {@code feedgram.publishing.concurrency} posts in flight: one thread claims due posts
 * (one statement per batch) whenever a worker is free, and hands each to {@code direct:post-work}
 * (routes/publish.camel.yaml) on a worker thread. With nothing to claim it sleeps until the nearest
 * due time, at most {@code idle-check}, or until woken by a submission or a step finishing; a
 * wake-up is only a hint to look at the database, which stays the only source of truth.
 *
 * <p>Graph calls are blocking ({@code MetaTransport} uses the JDK client synchronously), so they
 * overlap by running on {@code concurrency} worker threads. It starts once the application (and
 * Camel) is ready and stops before Camel does: it stops claiming, lets the steps in flight finish
 * within {@code shutdown-grace}, then releases every post this instance still holds.
 */
@Component
public class PublishDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublishDispatcher.class);

    private final DuePostClaimer claimer;
    private final LeaseHeartbeat heartbeat;
    private final ProducerTemplate camel;
    private final PublishingProperties settings;
    private final Clock clock;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean running;
    private volatile Thread dispatching;
    private ExecutorService workers;

    public PublishDispatcher(DuePostClaimer claimer, LeaseHeartbeat heartbeat, ProducerTemplate camel,
                             PublishingProperties settings, Clock clock) {
        this.claimer = claimer;
        this.heartbeat = heartbeat;
        this.camel = camel;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void applicationReady() {
        if (settings.enabled()) {
            start();
        }
    }

    /** A post became due: look now rather than at the planned time (after the submission's commit). */
    @TransactionalEventListener(fallbackExecution = true)
    void postsDue(PostsDue due) {
        wake();
    }

    private void wake() {
        Thread thread = dispatching;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        workers = Executors.newFixedThreadPool(settings.concurrency(), new CustomizableThreadFactory("post-step-"));
        Thread thread = new Thread(this::dispatch, "post-dispatch");
        thread.setDaemon(true);
        dispatching = thread;
        thread.start();
        heartbeat.start();
        log.info("publishing: up to {} posts in flight", settings.concurrency());
    }

    private void dispatch() {
        while (running) {
            Duration sleep;
            try {
                sleep = dispatchOnce();
            } catch (RuntimeException e) {
                log.error("publishing: claiming due posts failed; trying again in {}: {}", settings.idleCheck(), e.toString());
                sleep = settings.idleCheck();
            }
            if (sleep != null && running) {
                LockSupport.parkNanos(this, sleep.toNanos());
            }
        }
    }

    /**
     * Claims for every free worker; answers how long to sleep, or null to look again at once. While most
     * workers are busy it waits for an eighth of them to be free: a claim costs about the same for one post
     * as for eight, and the steps in flight end soon.
     */
    private Duration dispatchOnce() {
        int free = settings.concurrency() - inFlight.get();
        if (free <= 0 || (free < batch() && inFlight.get() > 0)) {
            return settings.idleCheck();                 // a finishing step wakes us
        }
        List<Post> claimed = claimer.claim(free);
        log.debug("publishing: {} in flight, claimed {} of {}", inFlight.get(), claimed.size(), free);
        for (Post post : claimed) {
            inFlight.incrementAndGet();
            workers.execute(() -> work(post));
        }
        if (claimed.size() == free) {
            return null;
        }
        Instant now = clock.instant();
        Duration untilDue = claimer.nextDue().map(due -> Duration.between(now, due)).orElse(settings.idleCheck());
        return untilDue.compareTo(settings.idleCheck()) < 0 ? untilDue : settings.idleCheck();
    }

    private int batch() {
        return Math.max(1, settings.concurrency() / 8);
    }

    private void work(Post post) {
        heartbeat.hold(post.leaseOwner());
        try {
            camel.sendBody("direct:post-work", post);
        } catch (RuntimeException e) {
            // post-step-errors handles a step's failures; this is the claim bookkeeping failing (the database down).
            log.error("post {} [{}]: {}", post.id(), post.accountId(), e.toString());
        } finally {
            heartbeat.letGo(post.leaseOwner());
            inFlight.decrementAndGet();
            wake();
        }
    }

    @Override
    public void stop() {
        Thread thread;
        ExecutorService pool;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            thread = dispatching;
            pool = workers;
        }
        wake();
        try {
            thread.join(settings.idleCheck().toMillis() + 1000);
            pool.shutdown();
            if (!pool.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("publishing: {} step(s) still running after {}; their posts are released", inFlight.get(),
                        settings.shutdownGrace());
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            heartbeat.stop();
            dispatching = null;
            int released = claimer.releaseAll();
            log.info("publishing stopped; {} claim(s) released", released);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started on ApplicationReadyEvent, once Camel runs. */
    @Override
    public boolean isAutoStartup() {
        return false;
    }

    /** Stops before Camel's context (SpringCamelContext's phase is Integer.MAX_VALUE - 2049), so steps in flight can finish. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
