package io.feedgram.media;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code feedgram.media.*}: how Feedgram makes media acceptable to Instagram.
 *
 * @param fit           how an image is brought to a ratio Instagram takes: pad (bands of the background colour),
 *                      blur (bands of a blurred copy) or crop (the centre); never a stretch
 * @param background    the colour behind transparency and of padding bands, as #RRGGBB
 * @param transcode     whether videos Instagram refuses may be re-encoded; off: such videos are refused before any
 *                      container exists, with the reason (transcoding is not built yet)
 * @param store         the directory of the copies Feedgram serves at {@code <public-url>/media/...}; replicas share it
 *                      (a shared volume)
 * @param retention     how long a copy is kept after its post is published or has failed (containers live 24 h)
 * @param maxImageBytes the largest image downloaded for inspection
 * @param maxVideoBytes the largest video downloaded for inspection
 * @param fetchTimeout  the longest a whole media download may take
 */
@ConfigurationProperties("feedgram.media")
public record MediaProperties(
        @DefaultValue("pad") RatioFit fit,
        @DefaultValue("#FFFFFF") String background,
        @DefaultValue("false") boolean transcode,
        @DefaultValue("./data/media") Path store,
        @DefaultValue("48h") Duration retention,
        @DefaultValue("64MB") DataSize maxImageBytes,
        @DefaultValue("300MB") DataSize maxVideoBytes,
        @DefaultValue("120s") Duration fetchTimeout) {

    MediaSettings settings() {
        return new MediaSettings(fit, Integer.parseInt(background.replace("#", "").trim(), 16), transcode);
    }
}
