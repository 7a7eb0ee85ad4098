package io.feedgram.web;

import static io.feedgram.system.SqlTime.at;
import static io.feedgram.system.SqlTime.instant;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import io.feedgram.system.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Dashboard sessions, in the database so that every replica shares them. The cookie's value is
 * 256 random bits; the table keeps only its hash. A session ends on sign-out, after
 * {@code feedgram.dashboard.idle-timeout} without use, or {@code max-age} after sign-in.
 */
@Component
class DashboardSessions {

    /** A signed-in browser: its CSRF token, which every action must carry. */
    record Session(String idHash, String csrfToken) {
    }

    /** A new session and the value its cookie carries (shown to nobody else, stored nowhere). */
    record Opened(String cookieValue, Session session) {
    }

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final DashboardProperties properties;
    private final Clock clock;

    DashboardSessions(JdbcClient jdbc, DashboardProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    Opened open() {
        Instant now = clock.instant();
        jdbc.sql("delete from dashboard_session where last_seen_at < ? or created_at < ?")
                .params(at(now.minus(properties.idleTimeout())), at(now.minus(properties.maxAge()))).update();
        String value = randomValue();
        Session session = new Session(Sha256.hex(value), randomValue());
        jdbc.sql("insert into dashboard_session (id_hash, csrf_token, created_at, last_seen_at) values (?, ?, ?, ?)")
                .params(session.idHash(), session.csrfToken(), at(now), at(now)).update();
        return new Opened(value, session);
    }

    /**
     * The live session a cookie names; empty when there is none or it has timed out. {@code touch}
     * counts this request as use; a page that refreshes itself does not keep a session alive.
     */
    Optional<Session> find(String cookieValue, boolean touch) {
        if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 100) {
            return Optional.empty();
        }
        String idHash = Sha256.hex(cookieValue);
        Instant now = clock.instant();
        Optional<Session> live = jdbc.sql("select * from dashboard_session where id_hash = ?").param(idHash)
                .query((rs, n) -> new Stored(new Session(idHash, rs.getString("csrf_token")),
                        instant(rs, "created_at"), instant(rs, "last_seen_at")))
                .optional()
                .filter(stored -> stored.aliveAt(now, properties))
                .map(Stored::session);
        if (live.isEmpty()) {
            close(idHash);
        } else if (touch) {
            jdbc.sql("update dashboard_session set last_seen_at = ? where id_hash = ?").params(at(now), idHash).update();
        }
        return live;
    }

    void close(String idHash) {
        jdbc.sql("delete from dashboard_session where id_hash = ?").param(idHash).update();
    }

    private record Stored(Session session, Instant createdAt, Instant lastSeenAt) {
        boolean aliveAt(Instant now, DashboardProperties limits) {
            return now.isBefore(lastSeenAt.plus(limits.idleTimeout())) && now.isBefore(createdAt.plus(limits.maxAge()));
        }
    }

    private String randomValue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
