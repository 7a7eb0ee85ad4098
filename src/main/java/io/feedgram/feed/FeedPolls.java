package io.feedgram.feed;

import java.util.List;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What the feed routes record about a poll: not modified, read (with its validators), or failed and why. */
@Component("feedPolls")
public class FeedPolls {

    private static final Logger log = LoggerFactory.getLogger(FeedPolls.class);

    private final FeedStates states;

    public FeedPolls(FeedStates states) {
        this.states = states;
    }

    public List<FeedPoll> due() {
        return states.claimDue();
    }

    public void notModified(@Variable("poll") FeedPoll poll) {
        log.info("feed {}: not modified", poll.feed().id());
        states.notModified(poll.feed());
    }

    public void succeeded(@Variable("poll") FeedPoll poll, @Variable("etag") String etag,
                          @Variable("lastModified") String lastModified, @Variable("entries") int entries) {
        log.info("feed {}: read {} entries", poll.feed().id(), entries);
        states.succeeded(poll.feed(), etag, lastModified, entries);
    }

    /** The feed's error, stated for a person; the other feeds and the application carry on. */
    public void failed(@Variable("poll") FeedPoll poll, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure,
                       @Body Object body) {
        String reason = FeedFailure.describe(failure, body instanceof String text ? text : null);
        log.warn("feed {} ({}): {}", poll.feed().id(), poll.feed().url(), reason);
        states.failed(poll.feed(), reason);
    }

    /** Any answer but 200 and 304 fails the poll with the status. */
    public void refuse(@Variable("status") Integer status) {
        throw new FeedFailure.HttpStatusException(status == null ? 0 : status);
    }
}
