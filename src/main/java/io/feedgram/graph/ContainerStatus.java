package io.feedgram.graph;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A container's {@code status_code} and its human {@code status} text (docs/instagram.md#container-status). */
public record ContainerStatus(String code, String text) {

    private static final Pattern SUBCODE = Pattern.compile("(22070\\d\\d)");

    public boolean isFinished() {
        return "FINISHED".equals(code);
    }

    public boolean isPublished() {
        return "PUBLISHED".equals(code);
    }

    /** ERROR and EXPIRED end a container; it has to be created again. */
    public boolean isDead() {
        return "ERROR".equals(code) || "EXPIRED".equals(code);
    }

    /** The subcode Instagram embeds in the status text of an ERROR container, if any. */
    public Integer errorSubcode() {
        Matcher m = text == null ? null : SUBCODE.matcher(text);
        return m != null && m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
