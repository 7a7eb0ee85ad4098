package io.feedgram.system;

import java.util.Properties;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.quartz.QuartzProperties;
import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Quartz's JDBC job store needs its PostgreSQL delegate on PostgreSQL (job data is BYTEA
 * there); it is chosen from the database itself, so pointing the datasource at PostgreSQL is
 * enough. An explicit {@code driverDelegateClass} in the configuration still wins.
 */
@Configuration(proxyBeanMethods = false)
class QuartzDatabaseConfiguration {

    static final String DELEGATE = "org.quartz.jobStore.driverDelegateClass";

    @Bean
    SchedulerFactoryBeanCustomizer quartzDelegateForTheDatabase(DataSource dataSource, QuartzProperties quartz) {
        return factory -> {
            if (!quartz.getProperties().containsKey(DELEGATE) && Databases.isPostgres(dataSource)) {
                Properties properties = new Properties();
                properties.putAll(quartz.getProperties());
                properties.put(DELEGATE, "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
                factory.setQuartzProperties(properties);
            }
        };
    }
}
