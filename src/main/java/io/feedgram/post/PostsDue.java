package io.feedgram.post;

/**
 * A post became due now (submitted, retried by an operator, made due at once): a hint for the
 * publishing dispatcher to look at the database before its next planned look, published after commit.
 *
 * @param postId the post
 */
public record PostsDue(String postId) {
}
