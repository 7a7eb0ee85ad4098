package io.feedgram.media;

/** An image file format, known by its first bytes rather than by a URL's extension or a server's content type. */
public enum ImageFormat {
    JPEG, PNG, WEBP, GIF, BMP, UNKNOWN;

    static ImageFormat sniff(byte[] head) {
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G')) {
            return PNG;
        }
        if (startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'E', 'B', 'P')) {
            return WEBP;
        }
        if (startsWith(head, 0, 'G', 'I', 'F', '8')) {
            return GIF;
        }
        if (startsWith(head, 0, 'B', 'M')) {
            return BMP;
        }
        return UNKNOWN;
    }

    private static boolean startsWith(byte[] head, int offset, int... expected) {
        if (head.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
