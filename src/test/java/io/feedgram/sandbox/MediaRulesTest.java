package io.feedgram.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Instagram's media rules (docs/instagram.md#media) over real HTTP: images are refused while the
 * container is created, videos end the container in ERROR once processed (docs/instagram.md#container-status).
 * Each refused case breaks one rule of an otherwise compliant file.
 */
class MediaRulesTest extends SandboxTestSupport {

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            // media_type, image,                          code, subcode (0: accepted)
            "IMAGE,   sized.jpg?width=1080&height=1350,    0,     0",         // 4:5, the narrowest feed ratio
            "IMAGE,   sized.jpg?width=1910&height=1000,    0,     0",         // 1.91:1, the widest
            "IMAGE,   sized.jpg?width=1000&height=1251,    36003, 2207009",
            "IMAGE,   sized.jpg?width=1920&height=1000,    36003, 2207009",
            "IMAGE,   sized.jpg?width=200&height=200,      0,     0",         // narrower than 320 px: scaled up, not refused
            "IMAGE,   sized.jpg?width=3000&height=3000,    0,     0",         // wider than 1440 px: scaled down
            "IMAGE,   pic.png,                             36001, 2207005",
            "IMAGE,   huge.jpg,                            36000, 2207004",
            "STORIES, sized.jpg?width=3000&height=1000,    0,     0",         // stories take any ratio (9:16 recommended)
            "STORIES, sized.jpg?width=1000&height=3000,    0,     0",
            "STORIES, pic.png,                             36001, 2207005",
            "STORIES, huge.jpg,                            36000, 2207004",
    })
    void imagesAreCheckedWhileTheContainerIsCreated(String mediaType, String image, int code, int subcode) {
        GraphResponse response = createA("media_type", mediaType, "image_url", media(image));
        if (code == 0) {
            assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        } else {
            assertGraphError(response, 400, code, subcode);
        }
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            // media_type, video,                                       status_code
            "REELS,   clip.mp4,                                         FINISHED",
            "REELS,   video.mp4?codec=hvc1,                             FINISHED",   // HEVC
            "REELS,   video.mp4?brand=qt%20%20,                         FINISHED",   // MOV
            "REELS,   video.mp4?audio=,                                 FINISHED",   // no audio track
            "REELS,   video.mp4?fps=23,                                 FINISHED",
            "REELS,   video.mp4?fps=60,                                 FINISHED",
            "REELS,   video.mp4?seconds=3,                              FINISHED",
            "REELS,   video.mp4?seconds=900,                            FINISHED",   // 15 min
            "REELS,   clip.webm,                                        ERROR",
            "REELS,   video.mp4?brand=heic,                             ERROR",
            "REELS,   video.mp4?moov-first=false,                       ERROR",      // moov after mdat: not faststart
            "REELS,   video.mp4?codec=vp09,                             ERROR",
            "REELS,   video.mp4?audio=Opus,                             ERROR",
            "REELS,   video.mp4?fps=22,                                 ERROR",
            "REELS,   video.mp4?fps=61,                                 ERROR",
            "REELS,   video.mp4?width=1921,                             ERROR",
            "REELS,   video.mp4?seconds=2,                              ERROR",
            "REELS,   video.mp4?seconds=901,                            ERROR",
            "STORIES, clip.mp4,                                         FINISHED",
            "STORIES, video.mp4?seconds=60,                             FINISHED",
            "STORIES, video.mp4?seconds=61,                             ERROR",
            "STORIES, video.mp4?seconds=2,                              ERROR",
            "STORIES, clip.webm,                                        ERROR",
            "VIDEO,   clip.mp4,                                         FINISHED",   // a carousel child
            "VIDEO,   video.mp4?seconds=900,                            FINISHED",
            "VIDEO,   video.mp4?seconds=901,                            ERROR",
            "VIDEO,   video.mp4?seconds=2,                              ERROR",
            "VIDEO,   video.mp4?codec=vp09,                             ERROR",
    })
    void videosEndInErrorOnceProcessed(String mediaType, String video, String statusCode) {
        String id = mediaType.equals("VIDEO")
                ? createdA("media_type", mediaType, "video_url", media(video), "is_carousel_item", "true")
                : createdA("media_type", mediaType, "video_url", media(video));
        advanceClock("PT5S");
        String reached = await().atMost(Duration.ofSeconds(10)).until(() -> statusCodeA(id), code -> !code.equals("IN_PROGRESS"));
        assertThat(reached).isEqualTo(statusCode);
        if (statusCode.equals("ERROR")) {
            assertThat(statusA(id).body().path("status").asText())
                    .isEqualTo("Error: Media upload has failed with error code 2207026");
        }
    }
}
