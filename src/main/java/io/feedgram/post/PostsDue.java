package io.feedgram.post;

/**
 * A post may be claimable now (submitted, retried by an operator, made due at once, or a claim
 * released, which frees its account's room for another): a hint for the publishing dispatcher to
 * look at the database before its next planned look, published after commit.
 *
 * @param postId the post
 */
public record PostsDue(String postId) {
}
