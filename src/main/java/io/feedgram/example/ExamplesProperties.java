package io.feedgram.example;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code feedgram.examples.*}: the settings of the example routes in routes/examples, which run
 * only when added to {@code camel.main.routes-include-pattern}.
 *
 * @param account       the account the examples post as
 * @param photoFolder   the watched folder (photo-folder.camel.yaml)
 * @param photoOfTheDay the daily photo (photo-of-the-day.camel.yaml)
 * @param feedStories   the feed posted as stories (feed-stories.camel.yaml)
 */
@ConfigurationProperties("feedgram.examples")
public record ExamplesProperties(
        @DefaultValue("demo") String account,
        @DefaultValue PhotoFolderSettings photoFolder,
        @DefaultValue PhotoOfTheDaySettings photoOfTheDay,
        @DefaultValue FeedStoriesSettings feedStories) {

    /**
     * @param path  the folder watched for photos and videos
     * @param every how often it is looked at
     */
    public record PhotoFolderSettings(@DefaultValue("./photos") String path, @DefaultValue("5s") Duration every) {
    }

    /**
     * @param path the folder the photo of the day is taken from, first by name
     * @param cron when a photo is posted (Quartz cron)
     */
    public record PhotoOfTheDaySettings(@DefaultValue("./photos/daily") String path,
                                        @DefaultValue("0 0 9 * * ?") String cron) {
    }

    /**
     * @param url   the RSS or Atom feed whose entries become stories
     * @param every how often it is read
     */
    public record FeedStoriesSettings(@DefaultValue("http://localhost:8080/demo/feed.xml") String url,
                                      @DefaultValue("5m") Duration every) {
    }
}
