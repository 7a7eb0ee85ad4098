package io.feedgram.sandbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.OptionalInt;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Instagram's checks on fetched media (docs/instagram.md#media): images are checked while the
 * container is created and fail the request; videos are checked later and fail the container.
 */
@SandboxBean
final class MediaChecks {

    /** Feed images must be between 4:5 and 1.91:1 (width / height). */
    private static final double MIN_FEED_RATIO = 0.8;
    private static final double MAX_FEED_RATIO = 1.91;
    /** Enough for the ftyp and moov boxes of a faststart video of any length Instagram takes. */
    private static final int VIDEO_HEAD_BYTES = 8 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(MediaChecks.class);

    private final MediaFetcher fetcher;
    private final SandboxSettings settings;

    MediaChecks(MediaFetcher fetcher, SandboxSettings settings) {
        this.fetcher = fetcher;
        this.settings = settings;
    }

    /**
     * Throws the Graph error Instagram answers for an unusable image; feed images also need a feed aspect ratio.
     * Width is not checked: Instagram scales images to 320-1440 px wide rather than refusing them
     * (docs/instagram.md#media), and story images take any ratio (9:16 is only recommended).
     */
    void checkImage(String url, boolean feedAspectRatio) {
        long maxBytes = settings.current().maxImageBytes();
        MediaDownload download = fetcher.download(url, maxBytes, (int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        switch (download.outcome()) {
            case UNREACHABLE, REFUSED, NOT_OK -> throw GraphError.mediaFetchFailed(url).toException();
            case TOO_LARGE -> throw GraphError.imageTooLarge().toException();
            case OK -> {
                byte[] bytes = download.kept();
                if (!isJpeg(bytes)) {
                    throw GraphError.imageFormatUnsupported().toException();
                }
                if (feedAspectRatio) {
                    double ratio = aspectRatio(bytes);
                    if (ratio < MIN_FEED_RATIO || ratio > MAX_FEED_RATIO) {
                        throw GraphError.aspectRatioUnsupported(ratio).toException();
                    }
                }
            }
        }
    }

    /** The subcode a video container of {@code kind} ends ERROR with, or empty when the video is usable. */
    OptionalInt checkVideo(String url, ContainerKind kind) {
        MediaDownload download = fetcher.download(url, settings.current().maxVideoBytes(), VIDEO_HEAD_BYTES);
        return switch (download.outcome()) {
            case UNREACHABLE, REFUSED, NOT_OK -> OptionalInt.of(VideoFailure.UNSUPPORTED_FORMAT);
            case TOO_LARGE -> OptionalInt.of(VideoFailure.PROCESSING_FAILED);
            case OK -> VideoRules.broken(IsoBoxReader.read(download.kept()), kind,
                    settings.current().carouselVideoMaxDuration()).map(reason -> {
                        log.info("sandbox: video {} ends in ERROR: {}", url, reason);
                        return OptionalInt.of(VideoFailure.UNSUPPORTED_FORMAT);
                    }).orElse(OptionalInt.empty());
        };
    }

    private static boolean isJpeg(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF;
    }

    private static double aspectRatio(byte[] jpeg) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw GraphError.imageFormatUnsupported().toException();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input);
                return (double) reader.getWidth(0) / reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw GraphError.imageFormatUnsupported().toException();
        }
    }

    /** Subcodes a video container's status reports (docs/instagram.md#container-status). */
    static final class VideoFailure {
        static final int UNSUPPORTED_FORMAT = 2207026;
        static final int PROCESSING_FAILED = 2207082;

        private VideoFailure() {
        }
    }
}
