package io.feedgram.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.feedgram.inbox.PostView;
import io.feedgram.media.PreparedMedia;
import io.feedgram.media.ServedMedia;
import org.springframework.stereotype.Component;

/**
 * A post's media as its page shows them: what was done to each item, and a thumbnail only when
 * Feedgram itself serves the file (a converted copy or an upload, under {@code /media/}). Other
 * media stay on their own hosts and are linked, never embedded: the page does not hot-link.
 */
@Component
class PostMedia {

    /** One item: its position, type, original URL, the thumbnail Feedgram serves (or null), and what was done. */
    record Item(int position, String type, String url, String thumbnail, String note) {
        public boolean video() {
            return "VIDEO".equals(type);
        }
    }

    private final PreparedMedia prepared;
    private final ServedMedia served;

    PostMedia(PreparedMedia prepared, ServedMedia served) {
        this.prepared = prepared;
        this.served = served;
    }

    List<Item> of(PostView post) {
        Map<Integer, PreparedMedia.Item> done = prepared.of(post.id()).stream()
                .collect(Collectors.toMap(PreparedMedia.Item::position, Function.identity()));
        return IntStream.range(0, post.media().size()).mapToObj(i -> {
            PostView.Media item = post.media().get(i);
            PreparedMedia.Item made = done.get(i);
            String file = made != null && made.storedFile() != null ? made.storedFile()
                    : served.nameOf(item.url()).orElse(null);
            return new Item(i + 1, item.type(), item.url(), file == null ? null : "/media/" + file,
                    made == null ? null : made.note());
        }).toList();
    }
}
