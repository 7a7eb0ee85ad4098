package io.feedgram.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Reading the login endpoints' answers in every shape seen in the field (moved from connect's logic test). */
class MetaAnswersTest {

    final ObjectMapper json = new ObjectMapper();

    JsonNode parse(String text) throws Exception {
        return json.readTree(text);
    }

    @Test
    void theInstagramCodeExchangeIsReadInEveryShape() throws Exception {
        var wrapped = TokenGrant.instagramCodeExchange(parse(
                "{\"data\":[{\"access_token\":\"IGAAx\",\"user_id\":\"1020\",\"permissions\":\"instagram_business_basic\"}]}"));
        assertThat(wrapped).get().extracting(TokenGrant::accessToken, TokenGrant::userId)
                .containsExactly("IGAAx", "1020");
        var flatNumber = TokenGrant.instagramCodeExchange(parse("{\"access_token\":\"IGAAy\",\"user_id\":102030405060708090}"));
        assertThat(flatNumber).get().extracting(TokenGrant::userId).isEqualTo("102030405060708090");
        assertThat(TokenGrant.instagramCodeExchange(parse("{\"data\":[]}"))).isEmpty();
        assertThat(flatNumber.get().toString()).doesNotContain("IGAAy");
    }

    @Test
    void bearerTokensAndIdentities() throws Exception {
        var token = TokenGrant.bearer(parse("{\"access_token\":\"t\",\"token_type\":\"bearer\",\"expires_in\":5183944}"));
        assertThat(token).get().extracting(TokenGrant::expiresIn).isEqualTo(Duration.ofSeconds(5_183_944L));
        assertThat(TokenGrant.bearer(parse("{\"access_token\":\"t\"}"))).get()
                .extracting(TokenGrant::expiresIn).isNull();
        assertThat(Identity.of(parse("{\"user_id\":\"17841\",\"username\":\"me\"}")))
                .contains(new Identity("17841", "me"));
        assertThat(Identity.of(parse("{\"id\":\"17842\"}")))
                .contains(new Identity("17842", null));
    }

    @Test
    void onlyPagesWithALinkedInstagramAccountCount() throws Exception {
        var pages = LinkedPage.of(parse("""
                {"data":[{"id":"1","name":"Linked","access_token":"EAAp","instagram_business_account":{"id":"17841"}},
                         {"id":"2","name":"Plain","access_token":"EAAq"}],
                 "paging":{"cursors":{"before":"a","after":"b"},"next":"https://graph.facebook.com/v25.0/me/accounts?after=b"}}"""));
        assertThat(pages).containsExactly(new LinkedPage("1", "Linked", "EAAp", "17841"));
        assertThat(pages.get(0).toString()).doesNotContain("EAAp");
    }
}
