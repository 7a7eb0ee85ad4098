package io.feedgram.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import io.feedgram.account.AccountCredentials;
import io.feedgram.post.MediaItem;
import io.feedgram.post.MediaType;
import io.feedgram.post.NewPost;
import io.feedgram.post.PostKind;
import io.feedgram.post.PostOptions;
import io.feedgram.post.PostStatus;
import io.feedgram.testing.SandboxTestHarness;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production shape: the whole application (Flyway with the PostgreSQL Quartz tables, the
 * Quartz JDBC job store with the delegate chosen from the database, the routes, encrypted
 * accounts) on a real PostgreSQL server started from a Maven artifact, publishing through the
 * sandbox. Only the datasource is configured, as a user would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "feedgram.accounts[0].id=pg",
        "feedgram.accounts[0].ig-user-id=17841400000000707",
        "feedgram.accounts[0].access-token=IGAA-postgres-token",
        "feedgram.accounts[0].app-id=170000000000707",
        "feedgram.accounts[0].app-secret=postgres-app-secret",
})
@DirtiesContext
class PostgresApplicationTest extends SandboxTestHarness {

    private static final EmbeddedPostgres POSTGRES = start();

    @Autowired
    AccountCredentials credentials;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.quartz.Scheduler scheduler;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Test
    void publishesOnPostgresqlWithQuartzAndEncryptedAccounts() throws Exception {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(jdbc.sql("select count(*) from qrtz_triggers").query(Integer.class).single())
                .as("the token refresh trigger is in the JDBC job store").isEqualTo(1);
        assertThat(scheduler.getMetaData().getJobStoreClass().getSimpleName()).isEqualTo("LocalDataSourceJobStore");
        assertThat(scheduler.isStarted()).as("the scheduler, started by Camel once its routes run").isTrue();
        assertThat(scheduler.getJobDetail(scheduler.getJobKeys(org.quartz.impl.matchers.GroupMatcher.anyGroup())
                .iterator().next())).as("job data reads back through the PostgreSQL delegate").isNotNull();
        assertThat(jdbc.sql("select access_token_enc from account where id = 'pg'").query(String.class).single())
                .startsWith("v1:").doesNotContain("IGAA");

        String image = submit(List.of(new MediaItem(mediaUrl("ok.jpg"), MediaType.IMAGE, "one")));
        String carousel = submit(List.of(new MediaItem(mediaUrl("ok.jpg"), MediaType.IMAGE, null),
                new MediaItem(mediaUrl("clip.mp4"), MediaType.VIDEO, null)));

        for (String id : List.of(image, carousel)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> posts.find(id).orElseThrow().status() == PostStatus.PUBLISHED);
        }
        assertThat(sandbox.published("17841400000000707", marker)).hasSize(2);
        assertThat(posts.history(carousel)).hasSize(4);
        assertThat(credentials.find("pg").orElseThrow().accessToken()).isEqualTo("IGAA-postgres-token");

        // What comes back: a signed webhook stored, parsed, listed and answered, on PostgreSQL.
        sandbox.personMessages("17841400000000707", "1535148674800707", "on postgres " + marker, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> eventApi.list("pg", "MESSAGE", "2020-01-01T00:00:00Z",
                null, "5", null).items().size() == 1);
        var conversation = conversationApi.list("pg", "5", null).items().get(0);
        var reply = conversationApi.reply(conversation.id(), "{\"text\": \"answered " + marker + "\"}", "key", "pg-1");
        await().atMost(Duration.ofSeconds(30)).until(() -> conversationApi.getReply(reply.id()).status().name().equals("SENT"));
        assertThat(conversationApi.messages(conversation.id())).hasSize(2);
    }

    @Autowired
    io.feedgram.webhook.EventApi eventApi;

    @Autowired
    io.feedgram.conversation.ConversationApi conversationApi;

    private String submit(List<MediaItem> media) {
        return posts.insert(new NewPost("pg", PostKind.FEED, "on postgres " + marker, media, PostOptions.NONE, "test",
                null, null));
    }

    /**
     * The server stops when the JVM does: the application (closed at the end of this class, see
     * {@code @DirtiesContext}) must stop first, or its shutdown would wait on a dead database.
     */
    private static EmbeddedPostgres start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the data directory is temporary
                }
            }));
            return postgres;
        } catch (IOException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start", e);
        }
    }
}
