package io.feedgram.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The documented and the observed payload shapes (docs/instagram.md#webhook-payloads), each read into its type. */
class WebhookParserTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-29T20:00:00Z");
    private final ObjectMapper json = new ObjectMapper();
    private final WebhookParser parser = new WebhookParser();

    private List<WebhookEvent> parse(String body) throws Exception {
        return parser.parse(json.readTree(body.replace('\'', '"')), RECEIVED);
    }

    @Test
    void commentsInTheDocumentedInstagramLoginShapeWithoutChanges() throws Exception {
        var events = parse("{'object':'instagram','entry':[{'id':'17841477965412210','time':1785412106,'field':'comments',"
                + "'value':{'id':'18220742947333329','from':{'id':'742084212153673','username':'ks.___.hyeon'},'text':'price?',"
                + "'media':{'id':'18085701743661167','media_product_type':'REELS'}}}]}");
        var comment = (WebhookEvent.Comment) events.get(0);
        assertThat(comment.id()).isEqualTo("18220742947333329");
        assertThat(comment.from().username()).isEqualTo("ks.___.hyeon");
        assertThat(comment.occurredAt()).isEqualTo(Instant.ofEpochSecond(1785412106));
    }

    @Test
    void commentsWithChangesCommentIdAndAnAdsOriginalMedia() throws Exception {
        var events = parse("[{'object':'instagram','entry':[{'id':'17841405726653026','time':1785412106812,'changes':["
                + "{'field':'comments','value':{'from':{'id':'1','username':'u'},'comment_id':'182','parent_id':'179','text':'x',"
                + "'media':{'id':'180834','ad_id':'1202','original_media_id':'180857','media_product_type':'AD'}}}]}]}]");
        var comment = (WebhookEvent.Comment) events.get(0);
        assertThat(comment.id()).isEqualTo("182");
        assertThat(comment.parentId()).isEqualTo("179");
        assertThat(comment.facts().mediaId()).isEqualTo("180857");
        assertThat(comment.occurredAt()).isEqualTo(Instant.ofEpochMilli(1785412106812L));
    }

    @Test
    void mentionsMessagesAndTheirVariants() throws Exception {
        String envelope = "{'object':'instagram','entry':[{'id':'178','time':1785412106812,'messaging':[%s]}]}";
        String person = "'sender':{'id':'153'},'recipient':{'id':'178'},'timestamp':1785412106301,";
        var events = parse(envelope.formatted(String.join(",",
                "{" + person + "'message':{'mid':'m1','text':'hi','reply_to':{'mid':'m0'}}}",
                "{" + person + "'message':{'mid':'m2','attachments':[{'type':'image','payload':{'url':'https://cdn/x'}}]}}",
                "{'sender':{'id':'178'},'recipient':{'id':'153'},'timestamp':1785412106301,'message':{'mid':'m3','text':'yes','is_echo':true}}",
                "{" + person + "'message':{'mid':'m1','is_deleted':true}}",
                "{" + person + "'postback':{'mid':'m4','title':'Track','payload':'TRACK'}}",
                "{" + person + "'reaction':{'mid':'m1','action':'react','reaction':'love','emoji':'\\u2764'}}",
                "{" + person + "'read':{'mid':'m3'}}",
                "{" + person + "'referral':{'ref':'spring','source':'IGME_SOURCE_LINK','type':'OPEN_THREAD'}}")));
        assertThat(events).extracting(WebhookEvent::type).containsExactly(EventType.MESSAGE, EventType.MESSAGE,
                EventType.MESSAGE_ECHO, EventType.MESSAGE_DELETED, EventType.POSTBACK, EventType.REACTION, EventType.SEEN,
                EventType.OTHER);
        var first = (WebhookEvent.Message) events.get(0);
        assertThat(first.replyToMid()).isEqualTo("m0");
        assertThat(((WebhookEvent.Message) events.get(1)).attachments()).containsExactly(
                new WebhookEvent.Attachment("image", "https://cdn/x"));
        assertThat(events.get(2).facts().participantId()).isEqualTo("153");
        assertThat(events.get(2).facts().inbound()).isFalse();
        assertThat(((WebhookEvent.Other) events.get(7)).field()).isEqualTo("referral");
        assertThat(events.get(7).raw().path("referral").path("ref").asText()).isEqualTo("spring");

        var mention = parse("{'entry':[{'id':'178','time':1520622968,'changes':[{'field':'mentions',"
                + "'value':{'comment_id':'178942','media_id':'179181'}}]}]}").get(0);
        assertThat(mention).isEqualTo(new WebhookEvent.Mention("178", Instant.ofEpochSecond(1520622968),
                mention.raw(), "178942", "179181"));
    }

    @Test
    void unknownFieldsAndOddTimesAreKeptNotDropped() throws Exception {
        var events = parse("{'entry':[{'id':'178','time':'soon','changes':[{'field':'story_insights','value':{'reach':3}}]}]}");
        assertThat(events).hasSize(1);
        var other = (WebhookEvent.Other) events.get(0);
        assertThat(other.field()).isEqualTo("story_insights");
        assertThat(other.occurredAt()).isEqualTo(RECEIVED);
        assertThat(other.raw().path("value").path("reach").asInt()).isEqualTo(3);
        assertThat(parse("{'object':'instagram'}")).isEmpty();
    }
}
