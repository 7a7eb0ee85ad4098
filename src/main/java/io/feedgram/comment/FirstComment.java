package io.feedgram.comment;

import java.time.Instant;

/**
 * A published post whose first comment is due, as claimed: its account, the published media, the text, and
 * whether an earlier attempt started ({@code startedAt}) without recording Instagram's answer.
 */
public record FirstComment(String postId, String account, String kind, String mediaId, String text, String status,
                           Instant startedAt, int attempts, String leaseOwner) {
}
