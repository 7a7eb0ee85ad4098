package io.feedgram;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FeedgramApplication {

    public static void main(String[] args) {
        SpringApplication.run(FeedgramApplication.class, args);
    }

    /** The application's notion of "now"; tests replace it to move time without sleeping. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
