package io.feedgram.conversation;

import static io.feedgram.system.SqlTime.instant;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Instagram's windows, checked before Instagram would refuse (docs/instagram.md#messaging): a direct message
 * only within 24 hours of the person's last message, a private reply only within 7 days of the comment. A
 * closed window is a sentence saying why; an open one is empty.
 */
@Component
public class ReplyWindows {

    private final JdbcClient jdbc;
    private final MessagingProperties properties;

    public ReplyWindows(JdbcClient jdbc, MessagingProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Why a message in the conversation cannot be sent at {@code now}; empty while the window is open. */
    public Optional<String> messageWindowClosed(Instant lastInboundAt, Instant now) {
        if (lastInboundAt == null) {
            return Optional.of("The person has not written to the account: Instagram lets an account answer only"
                    + " within " + properties.window().toHours() + " hours of the person's last message.");
        }
        Instant closes = lastInboundAt.plus(properties.window());
        return now.isBefore(closes) ? Optional.empty() : Optional.of("The person last wrote at " + lastInboundAt
                + "; Instagram's " + properties.window().toHours() + "-hour reply window closed at " + closes
                + ". A reply is possible again once they write.");
    }

    /** Why a private reply to the comment cannot be sent at {@code now}; empty while its window is open. */
    public Optional<String> privateReplyWindowClosed(String commentId, Instant now) {
        Optional<Instant> commented = jdbc.sql("""
                        select occurred_at from inbound_event where comment_id = ? and type = 'COMMENT'
                        order by occurred_at limit 1""")
                .param(commentId).query((rs, n) -> instant(rs, "occurred_at")).optional();
        if (commented.isEmpty()) {
            return Optional.of("Feedgram has received no comment " + commentId + " by webhook.");
        }
        Instant closes = commented.get().plus(properties.privateReplyWindow());
        return now.isBefore(closes) ? Optional.empty() : Optional.of("The comment was made at " + commented.get()
                + "; Instagram takes its private reply only within " + properties.privateReplyWindow().toDays()
                + " days, until " + closes + ".");
    }
}
