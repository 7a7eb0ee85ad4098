package io.feedgram.webhook;

import static io.feedgram.system.SqlTime.at;
import static io.feedgram.system.SqlTime.instant;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.feedgram.system.Columns;
import io.feedgram.system.Sha256;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The signed deliveries, stored before Meta is answered and processed afterwards by the webhooks route,
 * each under a lease so that one instance processes it. A delivery Meta makes again (same bytes) is
 * counted on the first copy, not stored twice.
 */
@Repository
public class WebhookDeliveries {

    /** A stored delivery waiting to be processed. */
    public record Delivery(String id, String body, Instant receivedAt, int attempts) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final WebhooksProperties properties;

    public WebhookDeliveries(JdbcClient jdbc, Clock clock, WebhooksProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** Stores a verified delivery; false when the same bytes were stored before (Meta's retry). */
    public boolean store(byte[] bytes) {
        String body = new String(bytes, StandardCharsets.UTF_8);
        String sha = Sha256.hex(body);
        if (countCopy(sha)) {
            return false;
        }
        try {
            jdbc.sql("insert into webhook_delivery (id, body_sha256, body, received_at) values (?, ?, ?, ?)")
                    .params(UUID.randomUUID().toString(), sha, body, at(clock.instant())).update();
            return true;
        } catch (DuplicateKeyException e) {
            countCopy(sha);   // the same retry arrived twice at once
            return false;
        }
    }

    private boolean countCopy(String sha) {
        return jdbc.sql("update webhook_delivery set copies = copies + 1 where body_sha256 = ?").param(sha).update() == 1;
    }

    /** Takes the deliveries waiting to be processed, oldest first, each under a lease. */
    public List<Delivery> claim() {
        Instant now = clock.instant();
        List<Delivery> pending = jdbc.sql("""
                select id, body, received_at, attempts from webhook_delivery
                where processed_at is null and attempts < :max and (lease_until is null or lease_until < :now)
                order by received_at limit :limit""")
                .param("max", properties.maxAttempts()).param("now", at(now)).param("limit", properties.batchSize())
                .query((rs, n) -> new Delivery(rs.getString("id"), rs.getString("body"), instant(rs, "received_at"),
                        rs.getInt("attempts")))
                .list();
        return pending.stream().filter(d -> jdbc.sql("""
                        update webhook_delivery set lease_until = ?, attempts = attempts + 1
                        where id = ? and processed_at is null and (lease_until is null or lease_until < ?)""")
                .params(at(now.plus(properties.lease())), d.id(), at(now)).update() == 1).toList();
    }

    public void processed(Delivery delivery) {
        jdbc.sql("update webhook_delivery set processed_at = ?, lease_until = null, error = null where id = ?")
                .params(at(clock.instant()), delivery.id()).update();
    }

    /** Keeps the reason; the delivery is tried again once its lease ends, up to {@code max-attempts} times. */
    public void failed(Delivery delivery, Exception cause) {
        jdbc.sql("update webhook_delivery set error = ? where id = ?")
                .params(Columns.fit(String.valueOf(cause.getMessage()), 2000), delivery.id()).update();
    }
}
