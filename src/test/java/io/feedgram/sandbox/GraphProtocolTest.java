package io.feedgram.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Hosts, paths, tokens, parameter styles, headers, the error envelope, reads and paging. */
class GraphProtocolTest extends SandboxTestSupport {

    @Test
    void tokenFromTheWrongHostCannotBeParsed() {
        GraphResponse response = get(FB + "/me?access_token=" + TOKEN_A);
        assertGraphError(response, 400, 190, null);
        assertThat(response.error().path("message").asText()).isEqualTo("Invalid OAuth access token - Cannot parse access token");
        assertThat(response.error().path("type").asText()).isEqualTo("OAuthException");
        assertThat(response.header("WWW-Authenticate")).startsWith("OAuth \"Facebook Platform\" \"invalid_token\"");
        assertGraphError(get(IG + "/me?access_token=" + TOKEN_B), 400, 190, null);
        assertGraphError(get(IG + "/me?access_token=IGAA-unknown"), 400, 190, null);
    }

    @Test
    void missingTokenAnswers104() {
        GraphResponse response = get(IG + "/me");
        assertGraphError(response, 400, 104, null);
        assertThat(response.error().path("type").asText()).isEqualTo("IGApiException");
    }

    @Test
    void expiredTokenAnswers190Subcode463() {
        control("POST", "/sandbox/_tokens/expire", "{\"token\":\"" + TOKEN_A + "\"}");
        GraphResponse response = get(IG + "/me?access_token=" + TOKEN_A);
        assertGraphError(response, 400, 190, 463);
        assertThat(response.error().path("message").asText())
                .matches("Error validating access token: Session has expired on \\w+day, .* The current time is .*\\.");
    }

    @Test
    void configuredTokensExpireAfterSixtyDaysOnTheSandboxClock() {
        advanceClock("P59D");
        assertThat(get(IG + "/me?access_token=" + TOKEN_A).status()).isEqualTo(200);
        advanceClock("P1D");
        assertGraphError(get(IG + "/me?access_token=" + TOKEN_A), 400, 190, 463);
    }

    @Test
    void registeredTokensActForTheirUser() {
        GraphResponse registered = control("POST", "/sandbox/_tokens",
                "{\"token\":\"IGAA-extra\",\"igUserId\":\"17841400000000099\",\"login\":\"instagram\",\"username\":\"extra\"}");
        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.body().has("token")).as("never echoed").isFalse();
        JsonNode me = get(IG + "/me?fields=user_id,username,id&access_token=IGAA-extra").body();
        assertThat(me.path("user_id").asText()).isEqualTo("17841400000000099");
        assertThat(me.path("username").asText()).isEqualTo("extra");
    }

    @Test
    void meResolvesToTheTokensUserAndOtherIdsDoNotExist() {
        JsonNode me = get(IG + "/me?fields=user_id,username,id&access_token=" + TOKEN_A).body();
        assertThat(me.path("user_id").asText()).isEqualTo(USER_A);
        assertThat(me.path("id").asText()).isEqualTo(USER_A);
        assertThat(me.path("username").asText()).isEqualTo("a");

        String viaMe = createdA("image_url", media("ok.jpg"));
        GraphResponse viaAlias = postForm(IG + "/me/media", params("image_url", media("ok.jpg"), "access_token", TOKEN_A));
        assertThat(viaAlias.status()).isEqualTo(200);
        assertThat(viaAlias.id()).isNotEqualTo(viaMe);

        GraphResponse foreign = postForm(IG + "/" + USER_B + "/media", params("image_url", media("ok.jpg"), "access_token", TOKEN_A));
        assertGraphError(foreign, 400, 100, 33);
        assertThat(foreign.error().path("message").asText()).startsWith("Unsupported post request. Object with ID '" + USER_B + "'");
        assertThat(foreign.error().path("type").asText()).isEqualTo("IGApiException");
    }

    @Test
    void versionedAndUnversionedPathsOnBothHosts() {
        assertThat(get("/sandbox/graph.instagram.com/me?access_token=" + TOKEN_A).status()).isEqualTo(200);
        assertThat(get("/sandbox/graph.instagram.com/v21.0/me?access_token=" + TOKEN_A).status()).isEqualTo(200);
        assertThat(get("/sandbox/graph.facebook.com/me?access_token=" + TOKEN_B).status()).isEqualTo(200);
        GraphResponse created = postForm("/sandbox/graph.facebook.com/" + USER_B + "/media",
                params("image_url", media("ok.jpg"), "access_token", TOKEN_B));
        assertThat(created.status()).isEqualTo(200);
        assertThat(get(FB + "/" + created.id() + "?fields=status_code&access_token=" + TOKEN_B)
                .body().path("status_code").asText()).isEqualTo("IN_PROGRESS");
        assertGraphError(get(IG + "/me/nothing_here?access_token=" + TOKEN_A), 400, 2500, null);
    }

    @Test
    void parametersInQueryStringJsonBodyMultipartAndAuthorizationHeader() {
        GraphResponse query = send(HttpRequest.newBuilder(uri(IG + "/" + USER_A + "/media?" + form(params(
                "image_url", media("ok.jpg"), "caption", "from query", "access_token", TOKEN_A))))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(query.status()).isEqualTo(200);

        GraphResponse jsonBody = postJson(IG + "/" + USER_A + "/media",
                "{\"image_url\":\"" + media("ok.jpg") + "\",\"is_carousel_item\":true}", TOKEN_A);
        assertThat(jsonBody.status()).as("%s", jsonBody.body()).isEqualTo(200);
        GraphResponse second = postJson(IG + "/" + USER_A + "/media",
                "{\"image_url\":\"" + media("ok.jpg") + "\",\"is_carousel_item\":\"true\"}", TOKEN_A);
        GraphResponse carousel = postJson(IG + "/" + USER_A + "/media",
                "{\"media_type\":\"CAROUSEL\",\"children\":[\"" + jsonBody.id() + "\",\"" + second.id() + "\"]}", TOKEN_A);
        assertThat(carousel.status()).as("%s", carousel.body()).isEqualTo(200);

        String boundary = "sandbox-boundary";
        String multipart = part(boundary, "image_url", media("ok.jpg")) + part(boundary, "caption", "multipart")
                + "--" + boundary + "--\r\n";
        GraphResponse multipartResponse = send(HttpRequest.newBuilder(uri(IG + "/" + USER_A + "/media"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "OAuth " + TOKEN_A)
                .POST(HttpRequest.BodyPublishers.ofString(multipart, StandardCharsets.UTF_8)));
        assertThat(multipartResponse.status()).as("%s", multipartResponse.body()).isEqualTo(200);

        advanceClock("PT2S");
        publishA(query.id());
        publishA(multipartResponse.id());
        JsonNode published = publishedOf(USER_A);
        assertThat(published.get(0).path("params").path("caption").asText()).isEqualTo("from query");
        assertThat(published.get(1).path("params").path("caption").asText()).isEqualTo("multipart");
    }

    private static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    @Test
    void everyResponseCarriesGraphHeaders() throws Exception {
        GraphResponse ok = get(IG + "/" + USER_A + "/content_publishing_limit?access_token=" + TOKEN_A);
        assertJsonUtf8(ok);
        assertThat(ok.header("x-fb-trace-id")).isNotEmpty();
        assertThat(json.readTree(ok.header("X-App-Usage")).has("call_count")).isTrue();
        JsonNode buc = json.readTree(ok.header("X-Business-Use-Case-Usage")).path(USER_A).get(0);
        assertThat(buc.path("type").asText()).isEqualTo("instagram");

        GraphResponse error = publishA("12345678901234567");
        assertGraphError(error, 400, 24, 2207006);
        assertJsonUtf8(error);
        assertThat(error.header("WWW-Authenticate")).startsWith("OAuth \"Facebook Platform\" \"invalid_request\"");
        assertThat(error.error().path("fbtrace_id").asText()).isEqualTo(error.header("x-fb-trace-id"));
        assertThat(error.error().path("type").asText()).isEqualTo("IGApiException");
    }

    /** Tomcat writes the parameter as {@code ;charset=UTF-8}: the same media type, spelled without the space. */
    private static void assertJsonUtf8(GraphResponse response) {
        org.springframework.http.MediaType type = org.springframework.http.MediaType.parseMediaType(response.header("Content-Type"));
        assertThat(type.isCompatibleWith(org.springframework.http.MediaType.APPLICATION_JSON)).isTrue();
        assertThat(type.getCharset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void unknownFieldsAreRejectedLikeGraph() {
        String containerId = createdA("image_url", media("ok.jpg"));
        GraphResponse response = get(IG + "/" + containerId + "?fields=status_code,bogus&access_token=" + TOKEN_A);
        assertGraphError(response, 400, 100, null);
        assertThat(response.error().path("message").asText()).contains("nonexisting field (bogus)");
        assertThat(get(IG + "/" + containerId + "?access_token=" + TOKEN_A).body().path("id").asText()).isEqualTo(containerId);
    }

    @Test
    void mediaListIsPagedNewestFirstWithAbsoluteLinks() {
        List<String> mediaIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String containerId = createdA("image_url", media("ok.jpg"), "caption", "post " + i);
            advanceClock("PT2S");
            mediaIds.add(0, publishA(containerId).id());
        }
        String story = createdA("media_type", "STORIES", "image_url", media("story.jpg"));
        advanceClock("PT2S");
        publishA(story);

        JsonNode first = get(IG + "/" + USER_A + "/media?fields=id,caption&limit=2&access_token=" + TOKEN_A).body();
        assertThat(first.path("data")).hasSize(2);
        assertThat(first.path("data").get(0).path("id").asText()).isEqualTo(mediaIds.get(0));
        assertThat(first.path("data").get(0).path("caption").asText()).isEqualTo("post 4");
        assertThat(first.path("paging").has("previous")).isFalse();
        String next = first.path("paging").path("next").asText();
        assertThat(next).startsWith("http://localhost:" + port + IG + "/" + USER_A + "/media?")
                .contains("after=" + first.path("paging").path("cursors").path("after").asText());

        List<String> seen = new ArrayList<>();
        first.path("data").forEach(item -> seen.add(item.path("id").asText()));
        JsonNode page = first;
        while (page.path("paging").has("next")) {
            page = get(page.path("paging").path("next").asText().substring(("http://localhost:" + port).length())).body();
            page.path("data").forEach(item -> seen.add(item.path("id").asText()));
        }
        assertThat(seen).as("stories are not listed").containsExactlyElementsOf(mediaIds);

        String previous = page.path("paging").path("previous").asText();
        JsonNode back = get(previous.substring(("http://localhost:" + port).length())).body();
        assertThat(back.path("data").get(0).path("id").asText()).isEqualTo(mediaIds.get(2));
    }

    @Test
    void clockControlMovesOnlyTheSandboxClock() {
        JsonNode before = control("GET", "/sandbox/_clock", "").body();
        JsonNode after = control("POST", "/sandbox/_clock", "{\"advance\":\"PT24H\"}").body();
        assertThat(java.time.Instant.parse(after.path("now").asText()))
                .isAfter(java.time.Instant.parse(before.path("now").asText()).plusSeconds(86_399));
        JsonNode reset = control("DELETE", "/sandbox/_clock", "").body();
        assertThat(reset.path("offset").asText()).isEqualTo("PT0S");
    }
}
