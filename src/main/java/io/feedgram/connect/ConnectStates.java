package io.feedgram.connect;

import static io.feedgram.system.SqlTime.at;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.feedgram.graph.Login;
import io.feedgram.account.TokenCipher;

/**
 * Issues the signed {@code state} of a connect flow and takes it back once: the nonce is kept in
 * {@code connect_state}, so a state is good for one callback, on any replica, until it expires.
 */
@Component
class ConnectStates {

    private final JdbcClient jdbc;
    private final SignedState.Signer signer;
    private final ConnectProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ConnectStates(JdbcClient jdbc, TokenCipher cipher, ConnectProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.signer = new SignedState.Signer() {
            @Override
            public String sign(String data) {
                return cipher.sign(data);
            }

            @Override
            public boolean verify(String data, String signature) {
                return cipher.verify(data, signature);
            }
        };
        this.properties = properties;
        this.clock = clock;
    }

    String issue(String accountId, Login login) {
        Instant now = clock.instant();
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        SignedState state = new SignedState(accountId, login, HexFormat.of().formatHex(bytes), now.plus(properties.stateTtl()));
        jdbc.sql("delete from connect_state where expires_at < ?").param(at(now.minus(properties.stateTtl()))).update();
        jdbc.sql("insert into connect_state (nonce, account_id, expires_at) values (?, ?, ?)")
                .params(state.nonce(), accountId, at(state.expiresAt())).update();
        return state.render(signer);
    }

    /** The account of a state that is genuine, of this login, unexpired and used now for the first time. */
    Optional<String> redeem(String text, Login login) {
        Instant now = clock.instant();
        return SignedState.parse(text, signer)
                .filter(state -> state.login() == login)
                .filter(state -> now.isBefore(state.expiresAt()))
                .filter(state -> jdbc.sql("update connect_state set used_at = ? where nonce = ? and account_id = ? and used_at is null")
                        .params(at(now), state.nonce(), state.accountId()).update() == 1)
                .map(SignedState::accountId);
    }
}
