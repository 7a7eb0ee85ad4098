package io.feedgram;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FeedgramApplication {

    public static void main(String[] args) {
        SpringApplication.run(FeedgramApplication.class, args);
    }
}
