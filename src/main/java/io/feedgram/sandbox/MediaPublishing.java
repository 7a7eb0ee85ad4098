package io.feedgram.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code POST /{ig-user-id}/media_publish} (docs/instagram.md#publishing). One publish at a time per IG user,
 * so two concurrent publishes of one container can never both succeed.
 */
@SandboxBean
final class MediaPublishing {

    private final SandboxContainers containers;
    private final SandboxMedia media;
    private final PublishingQuota quota;
    private final SandboxFaults faults;
    private final SandboxClock clock;
    private final GraphIds ids;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    MediaPublishing(SandboxContainers containers, SandboxMedia media, PublishingQuota quota, SandboxFaults faults,
            SandboxClock clock, GraphIds ids) {
        this.containers = containers;
        this.media = media;
        this.quota = quota;
        this.faults = faults;
        this.clock = clock;
        this.ids = ids;
    }

    /** Publishes the container and answers the new media id, or throws what Instagram would answer. */
    String publish(AccessToken token, GraphParameters params) {
        String owner = token.igUserId();
        String creationId = params.text("creation_id")
                .orElseThrow(() -> GraphError.parameterRequired("creation_id").toException());
        PublishedMedia published;
        synchronized (locks.computeIfAbsent(owner, o -> new Object())) {
            Instant now = clock.now();
            Container container = containers.findOwned(creationId, owner)
                    .orElseThrow(() -> GraphError.containerNotFound(creationId).toException());
            if (container.carouselItem()) {
                throw GraphError.invalidParameter("Carousel items are published through their carousel container")
                        .toException();
            }
            switch (containers.statusOf(container, now).code()) {
                case FINISHED -> { }
                case EXPIRED -> throw GraphError.containerExpired().toException();
                // Publishing twice is undocumented; Instagram never makes a second post (docs/instagram.md#publishing).
                case IN_PROGRESS, ERROR, PUBLISHED -> throw GraphError.mediaNotReady().toException();
            }
            if (faults.fires(Fault.QUOTA_EXHAUSTED, owner) || quota.full(owner, now)) {
                throw GraphError.quotaReached().toException();
            }
            List<Container> children = container.children().stream()
                    .map(id -> containers.findOwned(id, owner).orElseThrow())
                    .toList();
            published = new PublishedMedia(ids.nextMediaId(), owner, token.username(), container, children,
                    ids.nextShortcode(), containers.readyAt(container), now);
            media.add(published);
            containers.update(container.id(), c -> c.publishedAs(published.id()));
            quota.record(owner, now);
        }
        // The ambiguous failures of docs/instagram.md#publishing: the post is live but the caller is told otherwise.
        if (faults.fires(Fault.PUBLISH_COMMITTED_RESPONSE_LOST, owner)) {
            throw GraphError.unknownServerError().toException();
        }
        if (faults.fires(Fault.PUBLISH_COMMITTED_BLOCKED, owner)) {
            throw GraphError.actionBlocked().toException();
        }
        return published.id();
    }
}
