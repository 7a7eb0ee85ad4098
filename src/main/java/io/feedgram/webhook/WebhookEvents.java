package io.feedgram.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.account.AccountCredentials;
import io.feedgram.conversation.Conversations;
import io.feedgram.system.Columns;
import io.feedgram.system.Sha256;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a stored delivery into stored events (the webhooks route's step): each event is parsed, given
 * its account and, for direct messages, its conversation, and stored once. Returns only the events seen
 * for the first time, so that a redelivered event is not processed twice.
 */
@Component
public class WebhookEvents {

    private static final Logger log = LoggerFactory.getLogger(WebhookEvents.class);
    private static final int MAX_KEY = 255;

    private final WebhookParser parser;
    private final InboundEvents events;
    private final Conversations conversations;
    private final AccountCredentials accounts;
    private final ObjectMapper json;

    public WebhookEvents(WebhookParser parser, InboundEvents events, Conversations conversations,
                         AccountCredentials accounts, ObjectMapper json) {
        this.parser = parser;
        this.events = events;
        this.conversations = conversations;
        this.accounts = accounts;
        this.json = json;
    }

    @Transactional
    public List<EventView> record(@Variable("delivery") WebhookDeliveries.Delivery delivery) {
        JsonNode body;
        try {
            body = json.readTree(delivery.body());
        } catch (JsonProcessingException e) {
            // Signed by Meta but not JSON: kept as delivered (with its error), nothing to process.
            throw new IllegalArgumentException("the delivery is not JSON: " + e.getOriginalMessage(), e);
        }
        List<EventView> stored = new ArrayList<>();
        for (WebhookEvent event : parser.parse(body, delivery.receivedAt())) {
            String key = key(event);
            if (events.exists(key)) {
                continue;
            }
            String account = event.igAccountId() == null ? null : accounts.idOfInstagramUser(event.igAccountId()).orElse(null);
            EventFacts facts = event.facts();
            String conversation = account != null && facts.participantId() != null
                    ? conversations.touch(account, facts.participantId(), event.occurredAt(), facts.inbound()) : null;
            EventView view = new EventView(UUID.randomUUID().toString(), account, String.valueOf(event.igAccountId()),
                    event.type(), event.occurredAt(), delivery.receivedAt(), facts.senderId(), facts.senderName(),
                    conversation, facts.mediaId(), facts.commentId(), Columns.fit(facts.messageId(), 512),
                    Columns.fit(facts.text(), 8000), event.raw().toString());
            if (events.insert(view, key, delivery.id())) {
                stored.add(view);
            }
        }
        log.info("Webhook delivery {}: {} new event(s)", delivery.id(), stored.size());
        return stored;
    }

    /** The event's kind, account and own identity; hashed when too long for the column. */
    static String key(WebhookEvent event) {
        String key = event.type() + ":" + event.igAccountId() + ":" + event.identity();
        return key.length() <= MAX_KEY ? key : event.type() + ":" + Sha256.hex(key);
    }
}
