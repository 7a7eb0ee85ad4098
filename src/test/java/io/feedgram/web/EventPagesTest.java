package io.feedgram.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The events page over plain HTTP: filtered by account and type, 20 a page, and the next page's link
 * leads to the rest. The messages are a person's, written through the sandbox, which delivers them as
 * signed webhooks.
 */
class EventPagesTest extends DashboardTestSupport {

    private static final Pattern NEXT = Pattern.compile("id=\"next-events\" href=\"([^\"]+)\"");

    @Test
    void pagesThroughAnAccountsMessagesTwentyAtATime() {
        for (int i = 0; i < 21; i++) {
            sandbox.personMessages(SHOP, "1535148674817116", "message " + i + " " + marker, null);
        }
        Signed signed = signIn();
        String first = "/events?account=shop&type=MESSAGE";
        // Each message is its own webhook, processed in its own time: wait until all 21 are listed.
        await().atMost(Duration.ofSeconds(60)).until(() -> onEveryPage(first, signed).size() == 21);

        String page = get(first, signed.cookie()).body();
        Set<String> shown = new HashSet<>(messages(page));
        assertThat(shown).as("the newest 20").hasSize(20);
        Matcher next = NEXT.matcher(page);
        assertThat(next.find()).isTrue();
        String older = get(next.group(1).replace("&amp;", "&"), signed.cookie()).body();
        assertThat(older).contains("<option value=\"MESSAGE\" selected=\"selected\">");
        shown.addAll(messages(older));
        assertThat(shown).hasSize(21);
        assertThat(get("/events?account=spare&type=MESSAGE", signed.cookie()).body()).doesNotContain(marker);
        assertThat(get("/events?account=shop&type=COMMENT", signed.cookie()).body()).doesNotContain(marker);
    }

    /** This test's messages on the page at {@code path} and the pages after it. */
    private Set<String> onEveryPage(String path, Signed signed) {
        Set<String> found = new HashSet<>();
        for (String at = path; at != null; ) {
            String page = get(at, signed.cookie()).body();
            found.addAll(messages(page));
            Matcher next = NEXT.matcher(page);
            at = next.find() ? next.group(1).replace("&amp;", "&") : null;
        }
        return found;
    }

    /** The texts of this test's messages on a page. */
    private List<String> messages(String page) {
        return Pattern.compile("message \\d+ " + Pattern.quote(marker)).matcher(page).results().map(m -> m.group()).toList();
    }
}
