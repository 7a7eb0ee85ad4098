package io.feedgram.feed;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.feedgram.api.ApiProblem;
import io.feedgram.api.ProblemWriter;
import io.feedgram.media.MediaPlanner;
import io.feedgram.post.MediaItem;
import io.feedgram.post.PostKind;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.stereotype.Component;

/** The feeds under {@code /api/v1/feeds}: their status, a poll on demand, and dry-run previews. */
@Component("feedApi")
public class FeedApi {

    private final FeedsProperties properties;
    private final FeedStates states;
    private final FeedIntake intake;
    private final CaptionTemplate captions;
    private final JdbcMessageIdRepository taken;
    private final ProblemWriter problems;
    private final MediaPlanner planner;

    public FeedApi(FeedsProperties properties, FeedStates states, FeedIntake intake, CaptionTemplate captions,
                   JdbcMessageIdRepository feedEntryRepository, ProblemWriter problems, MediaPlanner planner) {
        this.problems = problems;
        this.planner = planner;
        this.properties = properties;
        this.states = states;
        this.intake = intake;
        this.captions = captions;
        this.taken = feedEntryRepository;
    }

    /** A feed as the API shows it: its configuration and how its polls went. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record FeedView(String id, String url, String account, String every, String cron, PostKind kind,
                           String backfill, String lastStatus, String lastError, Instant lastPollAt, Instant nextPollAt,
                           String etag, String lastModified, int polls, int entriesSeen, int postsCreated,
                           int entriesSkipped) {
    }

    /** What one entry would become, without posting it or marking it seen. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EntryPreview(String entry, String title, String link, String outcome, String reason, PostKind kind,
                               String caption, List<MediaItem> media, List<String> mediaPlan) {
    }

    public List<FeedView> list() {
        return properties.feeds().stream().map(f -> view(f.id())).toList();
    }

    public FeedView get(@Header("id") String id) {
        return view(id);
    }

    /** Claims a feed for a poll now; 409 while another poll of it runs. */
    public FeedPoll claimNow(@Header("id") String id) {
        FeedConfig feed = feed(id);
        if (!states.claimNow(feed.id())) {
            throw ApiProblem.conflict("Feed " + id + " is being polled right now; try again in a moment.");
        }
        return states.poll(feed);
    }

    /** The feed as it is now, for a dry run: no validators, so the whole feed is read. */
    public FeedPoll previewPoll(@Header("id") String id) {
        return states.poll(feed(id)).unconditional();
    }

    public List<EntryPreview> preview(@Variable("poll") FeedPoll poll, @Body List<FeedEntry> entries) {
        return intake.decide(poll, entries).stream().map(d -> {
            boolean seen = taken.contains(d.key());
            String outcome = seen ? "already-taken" : d.posts() ? "post" : "skip";
            return new EntryPreview(d.entry().key(), d.entry().title(), d.entry().link(), outcome,
                    seen ? null : d.skipReason(), poll.feed().kind(), captions.render(poll.feed().caption(), d.entry()),
                    d.entry().media(), outcome.equals("post") ? mediaPlan(poll.feed().kind(), d.entry().media()) : null);
        }).toList();
    }

    /** What publishing would do to each media item (pass, convert, or refuse and why), without doing it. */
    private List<String> mediaPlan(PostKind kind, List<MediaItem> media) {
        try (MediaPlanner.Plan plan = planner.plan(kind, media)) {
            return plan.summary();
        }
    }

    /** A feed that cannot be read answers 502 with the reason. */
    public void unreadable(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        problems.writeTo(exchange.getMessage(), new ApiProblem(502, "feed-unreadable", "The feed could not be read",
                whyUnreadable(failure, exchange.getMessage().getBody()), List.of()));
    }

    /** One sentence for a person about why a preview could not read the feed; {@code body} is what was read, if anything. */
    public String whyUnreadable(Exception failure, Object body) {
        return FeedFailure.describe(failure, body instanceof String text ? text : null);
    }

    private FeedConfig feed(String id) {
        return properties.find(id).orElseThrow(() -> ApiProblem.notFound("No feed with id " + id + "."));
    }

    private FeedView view(String id) {
        FeedConfig feed = feed(id);
        FeedState state = states.state(id).orElseThrow(() -> ApiProblem.notFound("Feed " + id + " has no state yet."));
        return new FeedView(feed.id(), states.poll(feed).feed().url(), feed.account(),
                feed.cron() == null ? feed.every().toString() : null, feed.cron(), feed.kind(),
                feed.backfill().name().toLowerCase(java.util.Locale.ROOT), state.lastStatus(), state.lastError(),
                state.lastPollAt(), state.nextPollAt(), state.etag(), state.lastModified(), state.polls(),
                state.entriesSeen(), state.postsCreated(), state.entriesSkipped());
    }
}
