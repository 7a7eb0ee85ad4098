package io.feedgram.web;

import java.util.List;

import io.feedgram.api.ApiProblem;
import io.feedgram.feed.FeedApi;
import io.feedgram.feed.FeedPoll;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * "Poll now" and "Preview" run the same routes as the feeds API (feed-poll-now and feed-preview
 * in feeds.camel.yaml), so a poll from the dashboard is claimed, fetched and recorded exactly as
 * one from the API or the scheduler.
 */
@Component
class FeedActions {

    /** What each entry would become, or why the feed could not be read. */
    record Preview(List<FeedApi.EntryPreview> entries, String unreadable) {
    }

    private final ProducerTemplate camel;
    private final FeedApi feeds;

    FeedActions(ProducerTemplate camel, FeedApi feeds) {
        this.camel = camel;
        this.feeds = feeds;
    }

    FeedApi.FeedView pollNow(String id) {
        Exchange done = camel.send("direct:feed-poll-now", exchange -> exchange.getMessage().setHeader("id", id));
        if (done.getException() instanceof ApiProblem refused) {
            throw refused;
        }
        if (done.getException() != null) {
            throw new IllegalStateException("poll of feed " + id + " failed", done.getException());
        }
        return done.getMessage().getBody(FeedApi.FeedView.class);
    }

    @SuppressWarnings("unchecked")
    Preview preview(String id) {
        FeedPoll poll = feeds.previewPoll(id);
        Exchange done = camel.send("direct:feed-preview", exchange -> exchange.getMessage().setBody(poll));
        if (done.getException() != null) {
            return new Preview(List.of(), feeds.whyUnreadable(done.getException(), done.getMessage().getBody()));
        }
        return new Preview(done.getMessage().getBody(List.class), null);
    }
}
