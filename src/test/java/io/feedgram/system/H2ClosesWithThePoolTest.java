package io.feedgram.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class H2ClosesWithThePoolTest {

    @Test
    void anH2UrlIsClosedByThePoolNotByH2sShutdownHook() {
        assertThat(H2ClosesWithThePool.withOption("jdbc:h2:file:./data/feedgram;QUERY_CACHE_SIZE=256"))
                .isEqualTo("jdbc:h2:file:./data/feedgram;QUERY_CACHE_SIZE=256;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(H2ClosesWithThePool.withOption("jdbc:h2:mem:x;db_close_on_exit=true"))
                .as("a URL that says already").isEqualTo("jdbc:h2:mem:x;db_close_on_exit=true");
        assertThat(H2ClosesWithThePool.withOption("jdbc:h2:file:./db;AUTO_SERVER=TRUE"))
                .as("H2 refuses both together").isEqualTo("jdbc:h2:file:./db;AUTO_SERVER=TRUE");
        assertThat(H2ClosesWithThePool.withOption("jdbc:postgresql://db:5432/feedgram"))
                .isEqualTo("jdbc:postgresql://db:5432/feedgram");
    }
}
