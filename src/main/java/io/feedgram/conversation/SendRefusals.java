package io.feedgram.conversation;

import java.util.Map;

import io.feedgram.graph.ErrorClass;
import io.feedgram.graph.ErrorPolicy;
import io.feedgram.graph.GraphException;
import org.springframework.stereotype.Component;

/**
 * What a failed send means, as one table (docs/instagram.md#messaging-errors; Meta's page:
 * https://developers.facebook.com/docs/messenger-platform/error-codes). Messaging subcodes first; other codes
 * as the publishing policy reads them. Matched on code and subcode, never on the message text.
 */
@Component
public class SendRefusals {

    /** What to do with the reply. */
    public enum Outcome {
        /** Instagram refused it for good: recorded with the reason, never retried. */
        REFUSED,
        /** Not sent now, surely: sent again later (rate limits). */
        LATER,
        /** No answer, or a server error: it may have been sent, so it is read back before any resend. */
        UNKNOWN
    }

    /** A classified failure and the sentence recorded on the reply. */
    public record Verdict(Outcome outcome, String reason) {
    }

    private static final Map<Integer, String> REFUSED_SUBCODES = Map.of(
            2534022, "Instagram says the reply window is closed (10/2534022): the person must write again first.",
            2018278, "Instagram says the reply window is closed (10/2018278): the person must write again first.",
            2534014, "Instagram knows no such person for this account (100/2534014).",
            2018001, "Instagram knows no such person for this account (100/2018001).",
            2534025, "Instagram refuses a private reply to this comment (100/2534025): one per comment, within 7 days.",
            1545041, "The person is not available (551/1545041): they blocked the account, or deactivated or restricted theirs.",
            2018108, "The person cannot receive the account's messages right now (10/2018108).",
            2534029, "The business is blocked from sending messages via the Instagram Messaging API (100/2534029).",
            2534041, "The account owner disabled access to Instagram direct messages (200/2534041): turn on"
                    + " \"Allow access to messages\" in the Instagram app.",
            1893063, "The account is temporarily restricted from sending messages (10/1893063).");

    private final ErrorPolicy policy;

    public SendRefusals(ErrorPolicy policy) {
        this.policy = policy;
    }

    public Verdict classify(GraphException failure) {
        if (!(failure instanceof GraphException.Refused refused)) {
            return new Verdict(Outcome.UNKNOWN, "No answer from Instagram: " + failure.getMessage());
        }
        Integer subcode = refused.error().subcode();
        if (subcode != null && REFUSED_SUBCODES.containsKey(subcode)) {
            return new Verdict(Outcome.REFUSED, REFUSED_SUBCODES.get(subcode));
        }
        if (refused.error().code() == 551) {
            return new Verdict(Outcome.REFUSED, "The person is not receiving the account's messages (551).");
        }
        ErrorClass kind = policy.classify(refused);
        String said = refused.error().describe();
        return switch (kind) {
            case RATE_LIMITED -> new Verdict(Outcome.LATER, "Rate limited by Instagram, sent later: " + said);
            case TRANSIENT, UNREADABLE -> new Verdict(Outcome.UNKNOWN, "Instagram failed (HTTP " + refused.httpStatus()
                    + "), the reply is read back before it is sent again: " + said);
            default -> new Verdict(refused.httpStatus() >= 500 ? Outcome.UNKNOWN : Outcome.REFUSED, said);
        };
    }
}
