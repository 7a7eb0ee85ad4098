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
 * @param transcode     whether videos Instagram refuses (WebM, VP9, over 60 fps, over 1920 px...) are re-encoded as
 *                      MP4 with H.264 and AAC by the ffmpeg bundled from Maven; off: they are refused before any
 *                      container exists, with the reason. Off by default: the ffmpeg in the jar only runs where the
 *                      host has libpulse0, libasound2, libxcb1 and libxcb-shm0 (its libavdevice links them), and a
 *                      transcode costs CPU about as long as the video lasts at 1080p (measured: a 10 s 1080p 60 fps
 *                      VP9 WebM took 13 s, 11.7 s of CPU, on 2 cores; a 4 s 640×360 clip 0.25 s), while most blogs
 *                      publish MP4 with H.264 already. Turning it on costs nothing until a video needs it (the jar
 *                      carries ffmpeg either way, +25 MiB); a host without those libraries then refuses such videos
 *                      with that reason
 * @param transcodeTimeout the longest one transcode may run; ffmpeg is killed then and the post fails
 * @param transcodeJobs how many videos are transcoded at once per process (each ffmpeg uses several cores); others wait
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
        @DefaultValue("120s") Duration fetchTimeout,
        @DefaultValue("10m") Duration transcodeTimeout,
        @DefaultValue("1") int transcodeJobs) {

    MediaSettings settings() {
        return new MediaSettings(fit, Integer.parseInt(background.replace("#", "").trim(), 16), transcode);
    }
}
