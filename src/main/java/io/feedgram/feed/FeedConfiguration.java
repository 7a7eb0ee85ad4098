package io.feedgram.feed;

import javax.sql.DataSource;

import io.feedgram.system.PrivateAddressGuard;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FeedConfiguration {

    /** Entries already taken, in the database (table by Flyway), so restarts never take one twice. */
    @Bean
    JdbcMessageIdRepository feedEntryRepository(DataSource dataSource) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, "feed-entries");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }

    /** What Feedgram may fetch for others: feeds and their redirects here, media elsewhere. */
    @Bean
    PrivateAddressGuard privateAddressGuard(FeedsProperties properties,
                                            @Value("${feedgram.sandbox.enabled:false}") boolean sandbox) {
        return new PrivateAddressGuard(sandbox, properties.fetch().allowedPrivateHosts());
    }
}
