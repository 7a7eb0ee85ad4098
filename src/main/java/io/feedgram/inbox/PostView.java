package io.feedgram.inbox;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.feedgram.post.Container;
import io.feedgram.post.HistoryEntry;
import io.feedgram.post.MediaItem;
import io.feedgram.post.Post;
import io.feedgram.post.PostError;
import io.feedgram.post.PostOptions;

/** A post as the API shows it (README, "REST API"). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PostView(
        String id,
        String account,
        String status,
        String kind,
        String caption,
        List<Media> media,
        PostOptions options,
        Instant dueAt,
        Instant createdAt,
        Source source,
        Instagram instagram,
        Error error,
        List<History> history) {

    static PostView of(Post post, List<Container> containers, List<HistoryEntry> history) {
        return new PostView(post.id(), post.accountId(), post.status().name(), post.kind().name(), post.caption(),
                post.media().stream().map(Media::of).toList(), post.options(), post.dueAt(),
                post.createdAt(), Source.of(post.source(), post.sourceKey()), Instagram.of(containers),
                Error.of(post.error()), history.stream().map(History::of).toList());
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Media(String url, String type, String altText) {
        static Media of(MediaItem item) {
            return new Media(item.url(), item.type().name(), item.altText());
        }
    }

    /** {@code {"type":"inbox"}}, {@code {"type":"demo"}}, or {@code {"type":"feed","feed":id,"entry":key}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String type, String feed, String entry) {
        static Source of(String source, String sourceKey) {
            if (source != null && source.startsWith("feed:")) {
                String feed = source.substring("feed:".length());
                String entry = sourceKey != null && sourceKey.startsWith(source + ":")
                        ? sourceKey.substring(source.length() + 1) : sourceKey;
                return new Source("feed", feed, entry);
            }
            return new Source(source, null, null);
        }
    }

    /**
     * Instagram's side: {@code media_id} and {@code permalink} of the published media (the
     * first one for a story of several), {@code container_ids} in order (carousel parent
     * last), and {@code published}: every published media, one per story frame.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Instagram(String mediaId, String permalink, List<String> containerIds, List<Published> published) {
        static Instagram of(List<Container> containers) {
            List<Container> ordered = containers.stream()
                    .sorted(Comparator.comparingInt(c -> c.isParent() ? Integer.MAX_VALUE : c.position()))
                    .toList();
            List<Published> published = ordered.stream().filter(Container::isPublished)
                    .map(c -> new Published(c.mediaId(), c.permalink())).toList();
            return new Instagram(published.isEmpty() ? null : published.get(0).mediaId(),
                    published.isEmpty() ? null : published.get(0).permalink(),
                    ordered.stream().map(Container::containerId).filter(id -> id != null).toList(), published);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Published(String mediaId, String permalink) {
    }

    public record Error(Integer code, Integer subcode, String message) {
        static Error of(PostError error) {
            return error == null ? null : new Error(error.code(), error.subcode(), error.message());
        }
    }

    public record History(Instant at, String status, String detail) {
        static History of(HistoryEntry entry) {
            return new History(entry.at(), entry.status().name(), entry.detail());
        }
    }
}
