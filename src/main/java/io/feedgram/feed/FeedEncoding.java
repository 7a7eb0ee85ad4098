package io.feedgram.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A feed's bytes as text. A byte-order mark wins and is dropped; then, as RFC 7303 orders them,
 * the HTTP charset, then the XML declaration's encoding, then UTF-8. Servers often announce the
 * wrong charset, so a candidate that does not decode the bytes cleanly gives way to the next.
 */
final class FeedEncoding {

    private static final Pattern DECLARED = Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private FeedEncoding() {
    }

    static String decode(byte[] body, String contentType) {
        for (Bom bom : Bom.values()) {
            if (bom.starts(body)) {
                return new String(body, bom.marks.length, body.length - bom.marks.length, bom.charset);
            }
        }
        for (Charset candidate : candidates(body, contentType)) {
            try {
                return candidate.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            } catch (CharacterCodingException notThisOne) {
                // the next candidate
            }
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static List<Charset> candidates(byte[] body, String contentType) {
        List<Charset> candidates = new ArrayList<>();
        addKnown(candidates, httpCharset(contentType));
        addKnown(candidates, declaredEncoding(body));
        candidates.add(StandardCharsets.UTF_8);
        return candidates;
    }

    private static String httpCharset(String contentType) {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    return p.substring(8).replace("\"", "").trim();
                }
            }
        }
        return null;
    }

    /** UTF-16 without a BOM shows in its first bytes (XML 1.0 appendix F); else the declaration, read as ASCII. */
    private static String declaredEncoding(byte[] body) {
        if (body.length >= 4 && body[0] == '<' && body[1] == 0 && body[2] == '?' && body[3] == 0) {
            return "UTF-16LE";
        }
        if (body.length >= 4 && body[0] == 0 && body[1] == '<' && body[2] == 0 && body[3] == '?') {
            return "UTF-16BE";
        }
        Matcher declared = DECLARED.matcher(new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1));
        // A declaration readable as ASCII cannot truthfully say UTF-16 or UTF-32.
        return declared.find() && !declared.group(1).toUpperCase(Locale.ROOT).matches("UTF-?(16|32).*")
                ? declared.group(1) : null;
    }

    private static void addKnown(List<Charset> candidates, String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        try {
            candidates.add(Charset.forName(name));
        } catch (IllegalArgumentException unknown) {
            // an unknown charset name is no help
        }
    }

    private enum Bom {
        UTF_8(StandardCharsets.UTF_8, 0xEF, 0xBB, 0xBF),
        UTF_16BE(StandardCharsets.UTF_16BE, 0xFE, 0xFF),
        UTF_16LE(StandardCharsets.UTF_16LE, 0xFF, 0xFE);

        private final Charset charset;
        private final int[] marks;

        Bom(Charset charset, int... marks) {
            this.charset = charset;
            this.marks = marks;
        }

        boolean starts(byte[] body) {
            if (body.length < marks.length) {
                return false;
            }
            for (int i = 0; i < marks.length; i++) {
                if ((body[i] & 0xFF) != marks[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
