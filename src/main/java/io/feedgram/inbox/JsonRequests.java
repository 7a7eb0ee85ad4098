package io.feedgram.inbox;

import java.nio.charset.StandardCharsets;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * The checks every JSON request body passes before it is read: a JSON content type (415)
 * and the size limit {@code feedgram.inbox.max-body-size} (413). Returns the body as text.
 */
@Component("jsonRequests")
public class JsonRequests {

    private final long maxBytes;

    public JsonRequests(InboxProperties properties) {
        this.maxBytes = properties.maxBodySize().toBytes();
    }

    public String read(@Header("Content-Type") String contentType, @Header("Content-Length") String contentLength,
                       @Body byte[] body) {
        if (!isJson(contentType)) {
            throw ApiProblem.unsupportedMediaType("Send the body as 'Content-Type: application/json'"
                    + (contentType == null ? "." : ", not '" + contentType + "'."));
        }
        if (declaredLength(contentLength) > maxBytes || (body != null && body.length > maxBytes)) {
            throw ApiProblem.tooLarge("The body is larger than the limit of " + maxBytes + " bytes.");
        }
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase();
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static long declaredLength(String contentLength) {
        try {
            return contentLength == null ? -1 : Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
