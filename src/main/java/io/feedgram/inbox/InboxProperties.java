package io.feedgram.inbox;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** {@code feedgram.inbox.*}: who may call the REST API and how big a request may be. Defaults are documented in application.yaml. */
@ConfigurationProperties("feedgram.inbox")
public record InboxProperties(
        List<String> apiKeys,
        @DefaultValue("256KB") DataSize maxBodySize) {

    public InboxProperties {
        apiKeys = apiKeys == null ? List.of() : apiKeys.stream().filter(k -> k != null && !k.isBlank()).toList();
    }
}
