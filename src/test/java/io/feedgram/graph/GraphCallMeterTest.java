package io.feedgram.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The endpoint label: a shape without ids, and of the query only the fields asked for. */
class GraphCallMeterTest {

    @Test
    void idsBecomePlaceholdersAndTheVersionOrSandboxHostIsDropped() {
        assertThat(GraphCallMeter.endpoint("POST", "/v25.0/17841400000000001/media", null))
                .isEqualTo("POST /{id}/media");
        assertThat(GraphCallMeter.endpoint("POST", "/sandbox/graph.instagram.com/v25.0/17841400000000001/media_publish", null))
                .isEqualTo("POST /{id}/media_publish");
        assertThat(GraphCallMeter.endpoint("GET", "/v25.0/17889600000000123", "fields=id,status_code,status"))
                .isEqualTo("GET /{id}?fields=id,status_code,status");
        assertThat(GraphCallMeter.endpoint("POST", "/sandbox/api.instagram.com/oauth/access_token", null))
                .isEqualTo("POST /oauth/access_token");
        assertThat(GraphCallMeter.endpoint("GET", "/oauth/access_token", null)).isEqualTo("GET /oauth/access_token");
    }

    @Test
    void noOtherQueryParameterReachesTheLabel() {
        assertThat(GraphCallMeter.endpoint("GET", "/refresh_access_token",
                "grant_type=ig_refresh_token&access_token=IGAA-secret&fields=id"))
                .isEqualTo("GET /refresh_access_token?fields=id")
                .doesNotContain("IGAA-secret");
        assertThat(GraphCallMeter.endpoint("GET", "/v25.0/oauth/access_token", "client_secret=s3cret&code=abc"))
                .isEqualTo("GET /oauth/access_token");
    }
}
