package io.feedgram.system;

import java.util.Locale;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * H2 closes a database from a JVM shutdown hook of its own unless its URL says {@code DB_CLOSE_ON_EXIT=FALSE}, and on a
 * SIGTERM (a {@code docker stop}) that hook runs alongside Spring's: the publishing dispatcher, stopping, found the
 * database closed and could not release this instance's claims, so their posts waited for the leases to run out.
 * Every H2 URL gets {@code DB_CLOSE_ON_EXIT=FALSE} here, the shipped one and a user's own, and H2 closes when the
 * connection pool does, after every bean that still writes has stopped. H2 refuses the option with
 * {@code AUTO_SERVER=TRUE} (a database other processes may open), so such a URL is left as it is.
 */
@Component
public class H2ClosesWithThePool implements BeanPostProcessor {

    static final String OPTION = "DB_CLOSE_ON_EXIT=FALSE";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
            pool.setJdbcUrl(withOption(pool.getJdbcUrl()));
        }
        return bean;
    }

    static String withOption(String url) {
        String options = url.toUpperCase(Locale.ROOT);
        return url.startsWith("jdbc:h2:") && !options.contains("DB_CLOSE_ON_EXIT=") && !options.contains("AUTO_SERVER=TRUE")
                ? url + ";" + OPTION : url;
    }
}
