package io.feedgram.post;

/** Why a post stopped: Instagram's code and subcode when it said so, and a sentence for a person. */
public record PostError(Integer code, Integer subcode, String message) {
}
