package io.feedgram.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The synchronous checks of {@code POST /media}: parameters, carousels, captions and fetched images. */
class ContainerValidationTest extends SandboxTestSupport {

    private List<String> carouselItems(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(createdA("image_url", media("ok.jpg"), "is_carousel_item", "true"));
        }
        return ids;
    }

    @Test
    void carouselNeedsTwoToTenChildren() {
        List<String> items = carouselItems(11);
        GraphResponse one = createA("media_type", "CAROUSEL", "children", items.get(0));
        assertGraphError(one, 400, 100, 2207028);
        assertThat(one.error().path("message").asText())
                .isEqualTo("(#100) Unsupported post type. The post has too little or too many attachments to qualify as a carousel.");
        assertGraphError(createA("media_type", "CAROUSEL", "children", String.join(",", items)), 400, 100, 2207028);
        assertThat(createA("media_type", "CAROUSEL", "children", String.join(",", items.subList(0, 10))).status())
                .isEqualTo(200);
    }

    @Test
    void childrenAreAcceptedInEveryDocumentedForm() {
        List<String> items = carouselItems(2);
        String a = items.get(0);
        String b = items.get(1);
        for (String children : List.of(a + "," + b, "[" + a + "," + b + "]", "[\"" + a + "\",\"" + b + "\"]",
                "['" + a + "','" + b + "']", " " + a + " , " + b + " ")) {
            assertThat(createA("media_type", "CAROUSEL", "children", children).status()).as(children).isEqualTo(200);
        }
    }

    @Test
    void carouselChildrenMustBeTheOwnersCarouselItems() {
        String single = createdA("image_url", media("ok.jpg"));
        String item = carouselItems(1).get(0);
        GraphResponse response = createA("media_type", "CAROUSEL", "children", item + "," + single);
        assertGraphError(response, 400, 100, null);
        assertGraphError(createA("media_type", "CAROUSEL", "children", item + ",12345678901234567"), 400, 100, null);
    }

    @Test
    void collaboratorsAreNotAllowedOnCarouselChildren() {
        GraphResponse response = createA("image_url", media("ok.jpg"), "is_carousel_item", "true",
                "collaborators", "['friend']");
        assertGraphError(response, 400, 100, null);
        assertThat(response.error().path("message").asText())
                .isEqualTo("(#100) The param collaborators is not allowed for carousel child");
    }

    @Test
    void collaboratorWithLeadingAtIsRejected() {
        assertGraphError(createA("image_url", media("ok.jpg"), "collaborators", "[\"@friend\"]"), 400, 100, 2207018);
        assertThat(createA("image_url", media("ok.jpg"), "collaborators", "[\"friend\"]").status()).isEqualTo(200);
    }

    @Test
    void videoChildWithoutMediaTypeVideoIsTakenForAnImage() {
        GraphResponse response = createA("video_url", media("clip.mp4"), "is_carousel_item", "true");
        assertGraphError(response, 400, 100, null);
        assertThat(response.error().path("message").asText()).isEqualTo("(#100) The parameter image_url is required");
    }

    @Test
    void singleVideoAndUnknownMediaTypesAreRejected() {
        assertGraphError(createA("media_type", "VIDEO", "video_url", media("clip.mp4")), 400, 100, 2207023);
        GraphResponse unknown = createA("media_type", "GIF", "image_url", media("ok.jpg"));
        assertGraphError(unknown, 400, 100, 2207023);
        assertThat(unknown.error().path("message").asText()).isEqualTo("The media type GIF is unknown.");
    }

    @Test
    void missingMediaUrlsAreRequired() {
        assertThat(createA("caption", "no image").error().path("message").asText()).contains("image_url is required");
        assertThat(createA("media_type", "REELS").error().path("message").asText()).contains("video_url is required");
    }

    @Test
    void captionLimits() {
        assertGraphError(createA("image_url", media("ok.jpg"), "caption", "x".repeat(2201)), 400, 36004, 2207010);
        assertThat(createA("image_url", media("ok.jpg"), "caption", "x".repeat(2200)).status()).isEqualTo(200);

        StringBuilder hashtags = new StringBuilder();
        for (int i = 0; i < 31; i++) {
            hashtags.append("#tag").append(i).append(' ');
        }
        assertGraphError(createA("image_url", media("ok.jpg"), "caption", hashtags.toString()), 400, 36004, 2207010);

        StringBuilder mentions = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            mentions.append("@user").append(i).append(' ');
        }
        GraphResponse tooManyTags = createA("image_url", media("ok.jpg"), "caption", mentions.toString());
        assertGraphError(tooManyTags, 400, 100, 2207040);
        assertThat(tooManyTags.error().path("message").asText()).isEqualTo("Cannot use more than 20 tags per created media.");
        assertGraphError(createA("image_url", media("ok.jpg"), "alt_text", "a".repeat(1001)), 400, 100, null);
    }

    @Test
    void imagesAreFetchedAndCheckedWhileCreating() {
        GraphResponse png = createA("image_url", media("pic.png"));
        assertGraphError(png, 400, 36001, 2207005);

        GraphResponse wide = createA("image_url", media("wide.jpg"));
        assertGraphError(wide, 400, 36003, 2207009);
        assertThat(wide.error().path("message").asText()).isEqualTo("The aspect ratio is not supported.");

        GraphResponse missing = createA("image_url", media("missing.jpg"));
        assertGraphError(missing, 400, 9004, 2207052);
        assertThat(missing.error().path("message").asText()).isEqualTo("Only photo or video can be accepted as media type.");
        assertThat(missing.error().path("error_user_msg").asText()).contains(media("missing.jpg"));

        assertGraphError(createA("image_url", media("huge.jpg")), 400, 36000, 2207004);
        assertGraphError(createA("image_url", "http://localhost:1/nothing-listens.jpg"), 400, 9004, 2207052);
        assertThat(createA("media_type", "STORIES", "image_url", media("story.jpg")).status())
                .as("stories are 9:16").isEqualTo(200);
        assertThat(createA("image_url", media("story.jpg")).status()).as("9:16 is too tall for the feed").isEqualTo(400);
    }
}
