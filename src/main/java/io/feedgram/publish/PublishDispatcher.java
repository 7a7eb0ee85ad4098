package io.feedgram.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * Keeps up to {@code feedgram.publishing.concurrency} posts in flight: one thread hands each
 * worker a post, first the claims this instance holds between steps whose next step fell due
 * ({@link HeldClaims}), then posts newly claimed from the database (one statement per batch), and
 * sends it to {@code direct:post-work} (routes/publish.camel.yaml) on a worker thread. It claims
 * when told something may be claimable (a submission, a released claim) or when the nearest due
 * time it read comes, at most {@code idle-check} apart; otherwise it sleeps until then or until a
 * held claim falls due. A wake-up is only a hint to look at the database, which stays the only
 * source of truth.
 *
 * <p>Graph calls are blocking ({@code MetaTransport} uses the JDK client synchronously), so they
 * overlap by running on {@code concurrency} worker threads. It starts once the application (and
 * Camel) is ready and stops before Camel does: it stops claiming, lets the steps in flight finish
 * within {@code shutdown-grace}, then releases every post this instance still holds.
 */
@Component
public class PublishDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublishDispatcher.class);

    /** Claims at most this often: a burst of released claims is one claim, not one each. */
    private static final Duration CLAIM_GAP = Duration.ofMillis(20);

    private final DuePostClaimer claimer;
    private final LeaseHeartbeat heartbeat;
    private final HeldClaims held;
    private final ProducerTemplate camel;
    private final PublishingProperties settings;
    private final Clock clock;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean claimWanted = new AtomicBoolean(true);
    /** When to claim again without being told (the nearest due time read, or idle-check); dispatching thread only. */
    private Instant nextClaimAt = Instant.MIN;
    private Instant lastClaim = Instant.MIN;
    private volatile boolean running;
    private volatile Thread dispatching;
    private ExecutorService workers;

    public PublishDispatcher(DuePostClaimer claimer, LeaseHeartbeat heartbeat, HeldClaims held, ProducerTemplate camel,
                             PublishingProperties settings, Clock clock) {
        this.claimer = claimer;
        this.heartbeat = heartbeat;
        this.held = held;
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

    /** A post may be claimable: claim now rather than at the planned time (after the submission's commit). */
    @TransactionalEventListener(fallbackExecution = true)
    void postsDue(PostsDue due) {
        claimWanted.set(true);
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
        held.notify(this::wake);
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
     * Hands the held claims that fell due to free workers, then claims for the free workers when a claim is wanted or
     * planned; answers how long to sleep, or null to look again at once. While most workers are busy it waits for an
     * eighth of them to be free: a claim costs about the same for one post as for eight, and the steps in flight end soon.
     */
    private Duration dispatchOnce() {
        Instant now = clock.instant();
        for (Post post : held.due(now, free())) {
            start(post, true);
        }
        int free = free();
        if (claimWanted.get() || !now.isBefore(nextClaimAt)) {
            if (free == 0 || (free < batch() && inFlight.get() > 0)) {
                return sleepUntil(now, now.plus(settings.idleCheck()));   // a finishing step wakes us
            }
            if (now.isBefore(lastClaim.plus(CLAIM_GAP))) {
                return sleepUntil(now, lastClaim.plus(CLAIM_GAP));
            }
            claimWanted.set(false);
            lastClaim = now;
            List<Post> claimed = claimer.claim(free);
            log.debug("publishing: {} in flight, claimed {} of {}", inFlight.get(), claimed.size(), free);
            claimed.forEach(post -> start(post, false));
            if (claimed.size() == free) {
                nextClaimAt = now;                       // more may be waiting
                return null;
            }
            Instant idle = now.plus(settings.idleCheck());
            nextClaimAt = claimer.nextDue().filter(due -> due.isBefore(idle)).orElse(idle);
        }
        return sleepUntil(now, nextClaimAt);              // a finishing step or a held claim wakes us sooner
    }

    /**
     * From {@code now} to the earlier of {@code until} and, while a worker is free, the next held claim's due time;
     * at most idle-check.
     */
    private Duration sleepUntil(Instant now, Instant until) {
        Instant wake = held.nextDue().filter(due -> free() > 0 && due.isBefore(until)).orElse(until);
        Duration sleep = Duration.between(now, wake);
        return sleep.isNegative() ? Duration.ZERO : sleep.compareTo(settings.idleCheck()) < 0 ? sleep : settings.idleCheck();
    }

    private int free() {
        return Math.max(0, settings.concurrency() - inFlight.get());
    }

    /** A worker takes the post; a held claim's lease is already held for it. */
    private void start(Post post, boolean wasHeld) {
        inFlight.incrementAndGet();
        if (!wasHeld) {
            heartbeat.hold(post.leaseOwner());
        }
        workers.execute(() -> work(post, wasHeld));
    }

    private int batch() {
        return Math.max(1, settings.concurrency() / 8);
    }

    private void work(Post claimed, boolean wasHeld) {
        try {
            Post post = wasHeld ? claimer.resumeHeld(claimed) : claimed;
            if (post != null) {
                camel.sendBody("direct:post-work", post);
            }
        } catch (RuntimeException e) {
            // post-step-errors handles a step's failures; this is the claim bookkeeping failing (the database down).
            log.error("post {} [{}]: {}", claimed.id(), claimed.accountId(), e.toString());
        } finally {
            heartbeat.letGo(claimed.leaseOwner());
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
            held.notify(null);
            held.clear();
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
