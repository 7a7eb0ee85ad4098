package io.feedgram.system;

/** Texts shortened to fit a bounded column or field, never refused or lost for being too long. */
public final class Columns {

    private Columns() {
    }

    /** {@code text} cut to at most {@code max} characters, an ellipsis marking the cut; null stays null. */
    public static String fit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
