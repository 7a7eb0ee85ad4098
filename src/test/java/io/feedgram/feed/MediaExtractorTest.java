package io.feedgram.feed;

import static io.feedgram.post.MediaType.IMAGE;
import static io.feedgram.post.MediaType.VIDEO;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntryImpl;

import io.feedgram.post.MediaItem;

class MediaExtractorTest {

    private final MediaExtractor extractor = new MediaExtractor();

    private List<MediaItem> fromHtml(String html) {
        return extractor.fromSyndEntry(new SyndEntryImpl(), "https://blog.example/2024/post/", List.of(html));
    }

    @Test
    void videosComeFromSrcOrTheFirstSource() {
        assertThat(fromHtml("""
                <video src="clip.mp4" width="640"></video>
                <video poster="p.jpg"><source src="//cdn.example/clip.webm" type="video/webm"><source src="x.mp4"></video>
                """)).containsExactly(
                new MediaItem("https://blog.example/2024/post/clip.mp4", VIDEO, null),
                new MediaItem("https://cdn.example/clip.webm", VIDEO, null));
    }

    @Test
    void pixelsSpacersTinyImagesAndOtherSchemesAreIgnored() {
        assertThat(fromHtml("""
                <img src="/t/1x1.gif"><img src="/img/spacer.gif"><img src="https://t.example/pixel.png">
                <img src="icon.png" height="64"><img src="bar.png" width="2" height="400">
                <img src="ftp://files.example/a.jpg"><img src="javascript:alert(1)"><img src="">
                <img src="photo.jpg" width="100" height="100" alt="  kept  ">
                <img src="photo.jpg" alt="a duplicate">
                """)).containsExactly(new MediaItem("https://blog.example/2024/post/photo.jpg", IMAGE, "kept"));
    }

    @Test
    void enclosuresAreTypedByMimeElseByExtension() {
        SyndEntryImpl entry = new SyndEntryImpl();
        entry.setEnclosures(List.of(
                enclosure("https://m.example/a.MOV", null),
                enclosure("https://m.example/b", "image/png"),
                enclosure("https://m.example/c.jpg", "audio/mpeg"),
                enclosure("https://m.example/d.pdf", "application/pdf"),
                enclosure("https://m.example/e.webp?size=large", "application/octet-stream")));
        assertThat(extractor.fromSyndEntry(entry, null, List.of())).containsExactly(
                new MediaItem("https://m.example/a.MOV", VIDEO, null),
                new MediaItem("https://m.example/b", IMAGE, null),
                new MediaItem("https://m.example/e.webp?size=large", IMAGE, null));
    }

    private static SyndEnclosureImpl enclosure(String url, String type) {
        SyndEnclosureImpl enclosure = new SyndEnclosureImpl();
        enclosure.setUrl(url);
        enclosure.setType(type);
        return enclosure;
    }
}
