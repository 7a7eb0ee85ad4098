package io.feedgram.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The containers created in the sandbox, and the state machine that derives a container's
 * status from the sandbox clock (docs/instagram.md#container-status):
 * IN_PROGRESS until its processing delay has passed and its media check is done, then FINISHED
 * or ERROR; EXPIRED when unpublished past the TTL; PUBLISHED once published.
 */
@SandboxBean
final class SandboxContainers {

    private final Map<String, Container> byId = new ConcurrentHashMap<>();
    private final SandboxSettings settings;

    SandboxContainers(SandboxSettings settings) {
        this.settings = settings;
    }

    void add(Container container) {
        byId.put(container.id(), container);
    }

    /** The container if it exists and belongs to {@code owner}: others' containers do not exist for a caller. */
    Optional<Container> findOwned(String id, String owner) {
        return Optional.ofNullable(byId.get(id)).filter(c -> c.owner().equals(owner));
    }

    /** Replaces a container atomically; a no-op if it was forgotten meanwhile (reset). */
    void update(String id, UnaryOperator<Container> change) {
        byId.computeIfPresent(id, (key, container) -> change.apply(container));
    }

    void clear() {
        byId.clear();
    }

    ContainerStatus statusOf(Container container, Instant now) {
        SandboxProperties properties = settings.current();
        if (container.published()) {
            return ContainerStatus.published();
        }
        if (!now.isBefore(container.createdAt().plus(properties.containerTtl()))) {
            return ContainerStatus.expired();
        }
        boolean delayPassed = !now.isBefore(container.createdAt().plus(processingDelay(container, properties)));
        if (container.kind() == ContainerKind.CAROUSEL) {
            return carouselStatus(container, now, delayPassed);
        }
        if (!container.mediaCheck().done() || !delayPassed) {
            return ContainerStatus.inProgress();
        }
        return container.mediaCheck().failed()
                ? ContainerStatus.error(container.mediaCheck().errorSubcode())
                : ContainerStatus.finished();
    }

    /** A carousel is FINISHED only when every child is and its own delay has passed; a failed child fails it. */
    private ContainerStatus carouselStatus(Container carousel, Instant now, boolean delayPassed) {
        boolean childrenFinished = true;
        for (String childId : carousel.children()) {
            Container child = byId.get(childId);
            if (child == null) {
                childrenFinished = false;
                continue;
            }
            ContainerStatus childStatus = statusOf(child, now);
            if (childStatus.code() == ContainerStatus.Code.ERROR) {
                return childStatus;
            }
            childrenFinished &= childStatus.code() == ContainerStatus.Code.FINISHED;
        }
        return childrenFinished && delayPassed ? ContainerStatus.finished() : ContainerStatus.inProgress();
    }

    /**
     * When a FINISHED container became ready: its processing delay passed and its media check was done, and for a
     * carousel also every child. Lets a benchmark measure how long a client takes to notice.
     */
    Instant readyAt(Container container) {
        Instant ready = container.createdAt().plus(processingDelay(container, settings.current()));
        if (container.mediaCheck().at() != null && container.mediaCheck().at().isAfter(ready)) {
            ready = container.mediaCheck().at();
        }
        for (String childId : container.children()) {
            Container child = byId.get(childId);
            if (child != null && readyAt(child).isAfter(ready)) {
                ready = readyAt(child);
            }
        }
        return ready;
    }

    private static Duration processingDelay(Container container, SandboxProperties properties) {
        SandboxProperties.ProcessingDelay delay = properties.processingDelay();
        Duration kind = switch (container.kind()) {
            case CAROUSEL -> delay.carousel();
            case REELS, CAROUSEL_VIDEO -> delay.video();
            case STORIES -> container.video() ? delay.video() : delay.image();
            case IMAGE -> delay.image();
        };
        // The same share of the spread every time this container is asked about, so status reads and readyAt agree.
        double share = new SplittableRandom(container.id().hashCode()).nextDouble();
        return kind.plusNanos((long) (delay.spread().toNanos() * share));
    }
}
