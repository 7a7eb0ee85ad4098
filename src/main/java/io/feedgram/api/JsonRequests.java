package io.feedgram.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * The checks a route that takes JSON makes before it reads the body (the size and pace were
 * checked by {@link ApiGate}): a JSON content type (415) and UTF-8 text, as JSON requires (400).
 * Returns the body as text.
 */
@Component
public class JsonRequests {

    public String read(@Header("Content-Type") String contentType, @Body byte[] body) {
        if (!isJson(contentType)) {
            throw ApiProblem.unsupportedMediaType("Send the body as 'Content-Type: application/json'"
                    + (contentType == null ? "." : ", not '" + contentType + "'."));
        }
        if (body == null) {
            return "";
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            // UTF-16 and UTF-32 text decodes as UTF-8 full of NULs, which JSON text never holds.
            if (text.indexOf('\0') >= 0 || text.startsWith("\uFEFF")) {
                throw notUtf8();
            }
            return text;
        } catch (CharacterCodingException e) {
            throw notUtf8();
        }
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static ApiProblem notUtf8() {
        return ApiProblem.invalid("body", "must be JSON encoded as UTF-8 without a byte-order mark");
    }
}
