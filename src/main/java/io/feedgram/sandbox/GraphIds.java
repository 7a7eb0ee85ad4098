package io.feedgram.sandbox;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues IDs shaped like Instagram's (docs/instagram.md#ids): 17-digit container IDs, 18-digit
 * media IDs, never reused within a run (not even across resets, so stale IDs stay unknown).
 */
@SandboxBean
final class GraphIds {

    private static final char[] SHORTCODE_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    private static final char[] TRACE_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final SecureRandom random = new SecureRandom();
    private final AtomicLong containers = new AtomicLong(17_889_600_000_000_000L + random.nextInt(1_000_000_000));
    private final AtomicLong comments = new AtomicLong(17_865_000_000_000_000L + random.nextInt(1_000_000_000));
    private final AtomicLong media = new AtomicLong(180_936_000_000_000_000L + random.nextInt(1_000_000_000));

    String nextContainerId() {
        return Long.toString(containers.addAndGet(1 + random.nextInt(97)));
    }

    String nextMediaId() {
        return Long.toString(media.addAndGet(1 + random.nextInt(97)));
    }

    /** 11 characters of the base64url alphabet, as in {@code instagram.com/p/<shortcode>/}. */
    String nextShortcode() {
        return randomText(SHORTCODE_ALPHABET, 11);
    }

    /** 17-digit comment ids, like Instagram's. */
    String nextCommentId() {
        return Long.toString(comments.addAndGet(1 + random.nextInt(97)));
    }

    /** Message and thread ids are opaque base64 starting {@code aWdf} (docs/instagram.md#messaging); never parsed. */
    String nextMessageId() {
        return "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlE" + randomText(TRACE_ALPHABET, 40);
    }

    String nextThreadId() {
        return "aWdfZAG06MTpJR01lc3NhZA2VUaHJlYWQ6" + randomText(TRACE_ALPHABET, 24);
    }

    String nextTraceId() {
        return randomText(TRACE_ALPHABET, 11);
    }

    private String randomText(char[] alphabet, int length) {
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(text);
    }
}
