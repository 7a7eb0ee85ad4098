package io.feedgram.sandbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Knobs of the Graph API sandbox ({@code feedgram.sandbox.*}). Values Meta documents
 * inconsistently (quota total, quota shape, hashtag cap) are knobs rather than constants,
 * as docs/instagram.md#conflicts asks.
 *
 * @param enabled         whether the sandbox answers under {@code /sandbox} at all
 * @param processingDelay how long containers stay IN_PROGRESS
 * @param containerTtl    how long an unpublished container can still be published or read
 * @param quotaTotal      publishes an account may make per quota window
 * @param quotaWindow     the window the publishing quota counts over
 * @param quotaShape      the shape of {@code content_publishing_limit}: documented (wrapped) or flat
 * @param maxImageBytes   the largest image Instagram fetches
 * @param maxVideoBytes   the largest video Instagram fetches
 * @param carouselVideoMaxDuration the longest carousel video: Meta documents no limit of its own, the reel
 *                        rules are assumed (docs/instagram.md#media), so 15 min by default
 * @param pageSize        the page size of media listings when the call sets no {@code limit}
 * @param maxPageSize     the largest {@code limit} a media listing honours
 * @param maxHashtags     the most hashtags a caption may carry
 * @param fetchMedia      false: container media URLs are taken on trust instead of fetched and checked
 * @param oauth           the login dialogs and token endpoints
 * @param controlFrom     who may call the controls under {@code /sandbox/_*} (they reset, move time and mint
 *                        tokens): IP addresses, CIDR ranges or host names, matched against the connection's
 *                        address, never X-Forwarded-For. Fixed at start-up.
 * @param latency         how long every Graph answer (graph.instagram.com and graph.facebook.com, not the controls
 *                        or the login dialogs) is held back after it is decided, like a distant Meta data centre;
 *                        no servlet thread waits meanwhile (default 0: answered at once)
 * @param messaging       direct messages, comments and the webhooks the sandbox delivers
 */
@ConfigurationProperties("feedgram.sandbox")
public record SandboxProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue ProcessingDelay processingDelay,
        @DefaultValue("24h") Duration containerTtl,
        @DefaultValue("100") int quotaTotal,
        @DefaultValue("24h") Duration quotaWindow,
        @DefaultValue("wrapped") QuotaShape quotaShape,
        @DefaultValue("8388608") long maxImageBytes,
        @DefaultValue("300000000") long maxVideoBytes,
        @DefaultValue("15m") Duration carouselVideoMaxDuration,
        @DefaultValue("25") int pageSize,
        @DefaultValue("100") int maxPageSize,
        @DefaultValue("30") int maxHashtags,
        @DefaultValue("true") boolean fetchMedia,
        @DefaultValue OAuth oauth,
        @DefaultValue({"127.0.0.0/8", "::1"}) List<String> controlFrom,
        @DefaultValue("0s") Duration latency,
        @DefaultValue Messaging messaging) {

    /**
     * Direct messages, comments and webhooks (docs/instagram.md#messaging and #webhooks).
     *
     * @param window             how long after a person's last message the account may answer (24 hours)
     * @param privateReplyWindow how long after a comment its one private reply may be sent (7 days)
     * @param sendLimit          the most messages an account may send per {@code sendPeriod} before 613/2534040
     * @param sendPeriod         the period {@code sendLimit} counts over (Meta documents 100 calls per second)
     * @param webhookUrl         where webhooks are delivered (default: Feedgram's own /webhooks/instagram on this server)
     * @param webhookRetries     how often a delivery that is not answered 200 is tried again
     * @param webhookRetryDelay  the wait before the first retry; it doubles each time (Meta retries for 36 hours)
     */
    public record Messaging(
            @DefaultValue("24h") Duration window,
            @DefaultValue("7d") Duration privateReplyWindow,
            @DefaultValue("100") int sendLimit,
            @DefaultValue("1s") Duration sendPeriod,
            String webhookUrl,
            @DefaultValue("8") int webhookRetries,
            @DefaultValue("1s") Duration webhookRetryDelay) {
    }

    /**
     * How long a container stays IN_PROGRESS, per kind, on the sandbox clock.
     *
     * @param image    for an image container
     * @param video    for a video or reel container
     * @param carousel for a carousel parent
     * @param spread   up to how much longer one container takes than its kind's delay, drawn once per container from
     *                 its id, so that processing times vary as Instagram's do (default 0: exactly the kind's delay)
     */
    public record ProcessingDelay(
            @DefaultValue("1s") Duration image,
            @DefaultValue("3s") Duration video,
            @DefaultValue("1s") Duration carousel,
            @DefaultValue("0s") Duration spread) {
    }

    /**
     * The login dialogs and token endpoints (docs/instagram.md#logins).
     *
     * @param decision           what the simulated user answers in the login dialog: approve or deny
     * @param igUserId           the IG account the next login approves (default: the configured account whose app id is the client_id)
     * @param linkedInstagram    false: none of the Facebook user's Pages has an Instagram professional account linked
     * @param linkedPageLast     true: {@code me/accounts} lists the Page linked to Instagram after the user's other Page
     * @param pagesPerList       how many Pages one {@code me/accounts} list holds before {@code paging.next}
     * @param exchangeShape      the code exchange answer on api.instagram.com: documented {@code {"data":[{...}]}} or flat
     * @param refreshMinAge      how old an Instagram token must be before it can be refreshed
     * @param refreshTooYoungCode the Graph error code for a refresh of a too young token (undocumented; 100 by default)
     * @param redirectUris       the redirect URIs registered for the apps; the dialogs refuse any other, as Meta does.
     *                           Empty: Feedgram's own callbacks ({@code /connect/instagram/callback},
     *                           {@code /connect/facebook/callback}) on the origin the dialog was opened on and on
     *                           {@code http://localhost:<port>}. Fixed at start-up.
     */
    public record OAuth(
            @DefaultValue("approve") Decision decision,
            String igUserId,
            @DefaultValue("true") boolean linkedInstagram,
            @DefaultValue("false") boolean linkedPageLast,
            @DefaultValue("25") int pagesPerList,
            @DefaultValue("wrapped") QuotaShape exchangeShape,
            @DefaultValue("24h") Duration refreshMinAge,
            @DefaultValue("100") int refreshTooYoungCode,
            @DefaultValue List<String> redirectUris) {
    }

    /** The simulated user's answer in a login dialog. */
    public enum Decision {
        APPROVE, DENY;

        @JsonCreator
        static Decision parse(String value) {
            return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        }

        @JsonValue
        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Documented {@code {"data":[{...}]}} or the flat shape measured in the field (docs/instagram.md#quota); also the
     * shape of the Instagram code exchange (docs/instagram.md#instagram-login).
     */
    public enum QuotaShape {
        WRAPPED, FLAT;

        @JsonCreator
        static QuotaShape parse(String value) {
            return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        }

        @JsonValue
        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
