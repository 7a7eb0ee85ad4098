package io.feedgram.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Short real videos (decodable frames, unlike {@link VideoCorpus}'s headers), encoded by the
 * ffmpeg bundled from Maven from its own test pattern and a sine tone.
 */
final class RealClips {

    private RealClips() {
    }

    /** A VP9 WebM with Opus sound: Instagram takes neither. */
    static Path vp9WebM(Path dir, int width, int height, int fps, double seconds) {
        return make(dir.resolve("clip-vp9-" + fps + ".webm"), width, height, fps, seconds,
                List.of("-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "500k", "-c:a", "libopus"));
    }

    /** An H.264 MP4 with AAC sound, as a camera makes it, at {@code fps} (120: a slow-motion clip). */
    static Path h264Mp4(Path dir, int width, int height, int fps, double seconds) {
        return make(dir.resolve("clip-h264-" + width + "-" + fps + ".mp4"), width, height, fps, seconds,
                List.of("-c:v", "libopenh264", "-b:v", "2M", "-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart"));
    }

    static byte[] bytes(Path clip) {
        try {
            byte[] bytes = Files.readAllBytes(clip);
            Files.delete(clip);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path make(Path out, int width, int height, int fps, double seconds, List<String> codecs) {
        VideoTranscoder.Programs programs = VideoTranscoder.bundled();
        List<String> command = new ArrayList<>(List.of(programs.ffmpeg().toString(), "-nostdin", "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc=size=" + width + "x" + height + ":rate=" + fps,
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", String.valueOf(seconds)));
        command.addAll(codecs);
        command.add(out.toString());
        try {
            Files.createDirectories(out.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("LD_LIBRARY_PATH", programs.libraryPath());
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("ffmpeg could not make " + out + ": " + command);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
