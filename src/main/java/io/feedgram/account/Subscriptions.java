package io.feedgram.account;

import static io.feedgram.system.SqlTime.at;
import static io.feedgram.system.SqlTime.instant;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.feedgram.system.Columns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each account's webhook subscription as last set ({@code subscribed_apps}) and when its last event arrived:
 * what the account's API view shows.
 */
@Repository
public class Subscriptions {

    /** The fields subscribed (empty: none yet), when, how the last attempt went, and the last event's arrival. */
    public record Subscription(List<String> fields, Instant subscribedAt, String lastResult, Instant lastEventAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public Subscriptions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a subscription that Instagram accepted. */
    public void subscribed(String accountId, List<String> fields) {
        Instant now = clock.instant();
        save(accountId, String.join(",", fields), now, "subscribed at " + now);
    }

    /** Records a failed attempt; the fields subscribed before (if any) stay as they were. */
    public void failed(String accountId, String reason) {
        Subscription current = find(accountId);
        save(accountId, current.fields().isEmpty() ? null : String.join(",", current.fields()), current.subscribedAt(),
                "failed: " + reason);
    }

    private void save(String accountId, String fields, Instant subscribedAt, String result) {
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                update account_subscription set fields = ?, subscribed_at = ?, last_result = ?, updated_at = ?
                where account_id = ?""")
                .params(fields, at(subscribedAt), Columns.fit(result, 2000), at(now), accountId).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into account_subscription (account_id, fields, subscribed_at, last_result, updated_at)
                    values (?, ?, ?, ?, ?)""")
                    .params(accountId, fields, at(subscribedAt), Columns.fit(result, 2000), at(now)).update();
        }
    }

    public Subscription find(String accountId) {
        Instant lastEvent = jdbc.sql("select received_at from inbound_event where account_id = ? order by received_at desc limit 1")
                .param(accountId).query((rs, n) -> instant(rs, "received_at")).optional().orElse(null);
        return jdbc.sql("select fields, subscribed_at, last_result from account_subscription where account_id = ?")
                .param(accountId)
                .query((rs, n) -> new Subscription(rs.getString("fields") == null ? List.of()
                        : Arrays.asList(rs.getString("fields").split(",")), instant(rs, "subscribed_at"),
                        rs.getString("last_result"), lastEvent))
                .optional().orElse(new Subscription(List.of(), null, null, lastEvent));
    }
}
