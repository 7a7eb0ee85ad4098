package io.feedgram.graph;

import static io.feedgram.graph.ErrorClass.ACCOUNT_BLOCKED;
import static io.feedgram.graph.ErrorClass.AUTH;
import static io.feedgram.graph.ErrorClass.FIX_INPUT;
import static io.feedgram.graph.ErrorClass.NOT_READY;
import static io.feedgram.graph.ErrorClass.QUOTA_EXHAUSTED;
import static io.feedgram.graph.ErrorClass.RATE_LIMITED;
import static io.feedgram.graph.ErrorClass.RECREATE_CONTAINER;
import static io.feedgram.graph.ErrorClass.RETRY_ONCE;
import static io.feedgram.graph.ErrorClass.TRANSIENT;
import static io.feedgram.graph.ErrorClass.UNREADABLE;

import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Instagram's error codes and what each one means for us, as one table
 * (docs/instagram.md#error-codes; Meta's pages:
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes
 * and https://developers.facebook.com/docs/graph-api/guides/error-handling).
 * A subcode entry wins over its code's entry; codes never seen fall back on the HTTP status (429 is a rate limit, 5xx transient).
 */
@Component
public class ErrorPolicy {

    /** How Meta's error-code page describes the input problems a container can end with. */
    private static final Map<Integer, String> INPUT_PROBLEMS = Map.of(
            2207004, "the image is larger than 8 MiB",
            2207005, "the image format is not supported (Instagram takes JPEG)",
            2207009, "the aspect ratio is outside what Instagram takes (4:5 to 1.91:1 in the feed)",
            2207026, "the video format is not supported: Instagram takes MP4 or MOV with H.264 or HEVC video and AAC "
                    + "audio, 23 to 60 frames per second, within the duration limits of its kind");

    private static final Map<Integer, ErrorClass> BY_SUBCODE = Map.ofEntries(
            Map.entry(2207027, NOT_READY),            // 9007: media not ready, poll then publish
            Map.entry(2207042, QUOTA_EXHAUSTED),      // 9: publishing limit reached
            Map.entry(2207051, ACCOUNT_BLOCKED),      // 4: spam/integrity block; may have published anyway
            Map.entry(2207050, ACCOUNT_BLOCKED),      // 25: account restricted
            Map.entry(2207052, RETRY_ONCE),           // 9004: media fetch failed, flaky at Meta
            Map.entry(2207006, RECREATE_CONTAINER),   // 24: media cannot be found
            Map.entry(2207008, RECREATE_CONTAINER),   // 24: media builder missing or expired
            Map.entry(2207020, RECREATE_CONTAINER),   // -2: container expired
            Map.entry(2207032, RECREATE_CONTAINER),   // -1: create media failed, re-create
            Map.entry(2207053, RECREATE_CONTAINER),   // -1: unknown upload error
            Map.entry(2207001, TRANSIENT),            // -1: Instagram server error
            Map.entry(2207003, TRANSIENT),            // -2: media download took too long
            Map.entry(2207057, FIX_INPUT),            // 1: thumb_offset outside the video (code 1 is otherwise transient)
            Map.entry(2207004, FIX_INPUT),            // 36000: image over 8 MiB
            Map.entry(2207005, FIX_INPUT),            // 36001: image format not supported
            Map.entry(2207009, FIX_INPUT),            // 36003: aspect ratio not supported
            Map.entry(2207010, FIX_INPUT),            // 36004: caption too long
            Map.entry(2207018, FIX_INPUT),            // collaborator cannot be tagged
            Map.entry(2207023, FIX_INPUT),            // 100: unknown media type
            Map.entry(2207026, FIX_INPUT),            // 352: video format not supported
            Map.entry(2207028, FIX_INPUT),            // 100: carousel needs 2..10 items
            Map.entry(2207040, FIX_INPUT),            // 100: more than 20 @-tags
            Map.entry(33, UNREADABLE),                // 100: object missing or unreadable (May 2026 outage)
            Map.entry(80002, RATE_LIMITED));          // Instagram BUC limit carried as subcode by some proxies

    private static final Map<Integer, ErrorClass> BY_CODE = Map.ofEntries(
            Map.entry(1, TRANSIENT),                  // unknown error, HTTP 500
            Map.entry(2, TRANSIENT),                  // service error, HTTP 500
            Map.entry(-1, TRANSIENT),
            Map.entry(-2, TRANSIENT),
            Map.entry(4, RATE_LIMITED),               // application request limit
            Map.entry(17, RATE_LIMITED),              // user request limit
            Map.entry(32, RATE_LIMITED),              // Pages request limit
            Map.entry(341, RATE_LIMITED),             // application limit
            Map.entry(613, RATE_LIMITED),             // custom rate limit
            Map.entry(80001, RATE_LIMITED),           // Pages BUC limit
            Map.entry(80002, RATE_LIMITED),           // Instagram BUC limit
            Map.entry(9, QUOTA_EXHAUSTED),
            Map.entry(9007, NOT_READY),
            Map.entry(9004, RETRY_ONCE),
            Map.entry(24, RECREATE_CONTAINER),
            Map.entry(25, ACCOUNT_BLOCKED),
            Map.entry(368, ACCOUNT_BLOCKED),          // temporarily blocked for policy violations
            Map.entry(190, AUTH),                     // token expired, invalidated or unparseable
            Map.entry(102, AUTH),                     // session expired
            Map.entry(104, AUTH),                     // no token
            Map.entry(10, AUTH),                      // permission missing
            Map.entry(3, FIX_INPUT),                  // capability missing
            Map.entry(100, FIX_INPUT),                // invalid parameter
            Map.entry(352, FIX_INPUT),                // video format
            Map.entry(36000, FIX_INPUT),              // image too large
            Map.entry(36001, FIX_INPUT),              // image format
            Map.entry(36003, FIX_INPUT),              // aspect ratio
            Map.entry(36004, FIX_INPUT));             // caption too long

    /**
     * What an {@code ERROR} container's subcode calls for. Instagram writes the subcode into the
     * container's status text; an input problem (a format, codec or duration it refuses) fails the
     * post at once, since a new container of the same media would end the same way.
     */
    public ErrorClass classifyContainerError(Integer subcode) {
        ErrorClass known = subcode == null ? null : BY_SUBCODE.get(subcode);
        return known == FIX_INPUT ? FIX_INPUT : RECREATE_CONTAINER;
    }

    /** Instagram's own words for an input problem an ERROR container names only by its subcode. */
    public String describe(Integer subcode) {
        return subcode == null ? null : INPUT_PROBLEMS.get(subcode);
    }

    public ErrorClass classify(GraphException failure) {
        if (failure instanceof GraphException.Refused refused) {
            return classify(refused.error(), refused.httpStatus());
        }
        return TRANSIENT;
    }

    public ErrorClass classify(GraphError error, int httpStatus) {
        if (error.subcode() != null && BY_SUBCODE.containsKey(error.subcode())) {
            return BY_SUBCODE.get(error.subcode());
        }
        ErrorClass byCode = BY_CODE.get(error.code());
        if (byCode != null) {
            return byCode;
        }
        if (error.code() >= 200 && error.code() <= 299) {
            return AUTH;                              // permission errors
        }
        if (httpStatus == 429) {
            return RATE_LIMITED;
        }
        return httpStatus >= 500 ? TRANSIENT : FIX_INPUT;
    }
}
