package io.feedgram.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.feedgram.account.AccountCredentials;
import io.feedgram.conversation.MessagingProperties;
import io.feedgram.graph.EngagementClient;
import io.feedgram.graph.ErrorClass;
import io.feedgram.graph.ErrorPolicy;
import io.feedgram.graph.GraphCredentials;
import io.feedgram.graph.GraphException;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Posts each published post's first comment exactly once (the first-comment route's steps): the marker is
 * recorded before {@code POST /{media}/comments} and the comment id after it; when the answer was lost (no
 * answer, a server error, a crash in between) the media's comments are read back before anything is posted
 * again. Transient failures are retried later; Instagram's refusals are recorded with the reason.
 */
@Component
public class FirstCommentPoster {

    private static final Logger log = LoggerFactory.getLogger(FirstCommentPoster.class);
    /** How far before the recorded start a read-back still takes a comment as ours (clocks differ). */
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final FirstComments comments;
    private final EngagementClient graph;
    private final ErrorPolicy policy;
    private final AccountCredentials accounts;
    private final MessagingProperties properties;
    private final Clock clock;

    public FirstCommentPoster(FirstComments comments, EngagementClient graph, ErrorPolicy policy,
                              AccountCredentials accounts, MessagingProperties properties, Clock clock) {
        this.comments = comments;
        this.graph = graph;
        this.policy = policy;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    public List<FirstComment> claim() {
        return comments.claim();
    }

    public void post(@Body FirstComment claim) {
        if (claim.text() == null) {
            comments.none(claim, "no first comment");
            return;
        }
        if ("STORY".equals(claim.kind()) || claim.mediaId() == null) {
            comments.failed(claim, "Instagram takes no comments on stories, or the post has no media id");
            return;
        }
        GraphCredentials account = accounts.require(claim.account());
        Instant now = clock.instant();
        if ("POSTING".equals(claim.status())) {
            Optional<String> existing;
            try {
                existing = readBack(account, claim);
            } catch (GraphException e) {
                comments.later(claim, now.plus(properties.retryDelay(claim.attempts())), true,
                        "Whether the first comment exists is not known yet; reading the comments failed: " + e.getMessage());
                return;
            }
            if (existing.isPresent()) {
                log.info("First comment of post {} was posted before its answer was lost: {}", claim.postId(), existing.get());
                comments.posted(claim, existing.get());
                return;
            }
        }
        if (!comments.posting(claim)) {
            return;   // the claim was lost
        }
        try {
            comments.posted(claim, graph.comment(account, claim.mediaId(), claim.text()));
        } catch (GraphException e) {
            ErrorClass kind = policy.classify(e);
            boolean answered = e instanceof GraphException.Refused refused && refused.httpStatus() < 500;
            if (!answered || kind == ErrorClass.TRANSIENT) {
                comments.later(claim, now.plus(properties.retryDelay(claim.attempts())), true,
                        "Instagram's answer was lost; the comments are read back first: " + e.getMessage());
            } else if (kind == ErrorClass.RATE_LIMITED || kind == ErrorClass.UNREADABLE) {
                retryOrFail(claim, now, e.getMessage());
            } else {
                comments.failed(claim, ((GraphException.Refused) e).error().describe());
            }
        }
    }

    /** The route's error handler: something unexpected; looked at again after a wait (read back first). */
    public void failed(@Variable("firstComment") FirstComment claim,
                       @ExchangeProperty("CamelExceptionCaught") Exception cause) {
        log.warn("First comment of post {} could not be handled, looked at again later: {}", claim.postId(), cause.toString());
        comments.later(claim, clock.instant().plus(properties.retryDelay(claim.attempts())), true,
                "Unexpected failure, retried: " + cause.getMessage());
    }

    private void retryOrFail(FirstComment claim, Instant now, String reason) {
        if (claim.attempts() >= properties.maxRetries()) {
            comments.failed(claim, "Gave up after " + claim.attempts() + " attempts: " + reason);
        } else {
            comments.later(claim, now.plus(properties.retryDelay(claim.attempts())), false, reason);
        }
    }

    private Optional<String> readBack(GraphCredentials account, FirstComment claim) {
        Instant from = claim.startedAt() == null ? Instant.EPOCH : claim.startedAt().minus(SKEW);
        return graph.comments(account, claim.mediaId(), false).stream()
                .filter(c -> account.igUserId().equals(c.fromId()) && claim.text().equals(c.text()))
                .filter(c -> c.at() == null || !c.at().isBefore(from))
                .map(EngagementClient.Written::id)
                .filter(id -> !comments.recorded(id))
                .findFirst();
    }
}
