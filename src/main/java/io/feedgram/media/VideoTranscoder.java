package io.feedgram.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.bytedeco.javacpp.Loader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Re-encodes a video Instagram would refuse (WebM, VP9, 120 fps, 4K...) as one it takes, with the
 * ffmpeg program bytedeco ships in a Maven jar, run as a child process: MP4 with its moov box
 * first, H.264 in yuv420p, AAC audio if the source has sound, 23–60 fps (a source outside runs at
 * 30), at most 1920 px wide (scaled down keeping its ratio, even sides). At most
 * {@code transcode-jobs} run at once; one that outlasts {@code transcode-timeout} is killed.
 */
@Component
public class VideoTranscoder {

    private static final double MIN_FPS = 23;
    private static final double MAX_FPS = 60;
    private static final String FALLBACK_FPS = "30";

    private final Duration timeout;
    private final Semaphore jobs;
    private final Supplier<Programs> locate;
    private final VideoInspector inspector = new VideoInspector();
    private Programs programs;
    private String unavailable;

    /** The ffmpeg and ffprobe executables and the library path they run with. */
    record Programs(Path ffmpeg, Path ffprobe, String libraryPath) {
    }

    @Autowired
    VideoTranscoder(MediaProperties properties) {
        this(properties.transcodeTimeout(), properties.transcodeJobs(), VideoTranscoder::bundled);
    }

    VideoTranscoder(Duration timeout, int jobs, Supplier<Programs> locate) {
        this.timeout = timeout;
        this.jobs = new Semaphore(Math.max(1, jobs), true);
        this.locate = locate;
    }

    /** Null when ffmpeg runs on this host; otherwise the reason it does not. */
    public synchronized String unavailable() {
        if (programs == null && unavailable == null) {
            try {
                programs = locate.get();
            } catch (RuntimeException | LinkageError e) {
                Throwable root = e;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                unavailable = "the bundled ffmpeg cannot run on this host (" + root.getMessage() + ")";
            }
        }
        return unavailable;
    }

    /**
     * Writes {@code source} re-encoded into {@code target} (replaced) and returns the facts of the
     * result; throws a {@link MediaProblem} with ffmpeg's last words when it fails or is killed.
     */
    VideoFacts transcode(Path source, Path target) {
        String reason = unavailable();
        if (reason != null) {
            throw new MediaProblem(reason);
        }
        try {
            jobs.acquire();
            try {
                List<String> command = new ArrayList<>(List.of(programs.ffmpeg().toString(),
                        "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", source.toString(),
                        "-map", "0:v:0", "-map", "0:a:0?", "-sn", "-dn", "-map_metadata", "-1",
                        "-vf", "scale='trunc(min(1920,iw)/2)*2':-2,setsar=1,format=yuv420p",
                        "-c:v", "libopenh264", "-b:v", "6M",
                        "-c:a", "aac", "-b:a", "128k", "-ac", "2"));
                if (!fpsAllowed(source)) {
                    command.addAll(List.of("-r", FALLBACK_FPS));
                }
                command.addAll(List.of("-movflags", "+faststart", "-f", "mp4", target.toString()));
                run(command, "ffmpeg");
            } finally {
                jobs.release();
            }
            return inspector.inspect(target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaProblem("the transcoding was interrupted");
        } catch (IOException e) {
            throw new UncheckedIOException("a video could not be transcoded", e);
        }
    }

    /** Whether the source's average frame rate (as ffprobe reads it) is one Instagram takes. */
    private boolean fpsAllowed(Path source) throws IOException, InterruptedException {
        String rate = run(List.of(programs.ffprobe().toString(), "-v", "error", "-select_streams", "v:0",
                "-show_entries", "stream=avg_frame_rate", "-of", "csv=p=0", source.toString()), "ffprobe").trim();
        String[] parts = rate.split("/");
        try {
            double fps = parts.length == 2 ? Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]) : Double.parseDouble(rate);
            return fps >= MIN_FPS && fps <= MAX_FPS;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Runs {@code command} within the time limit; its standard output, or a MediaProblem with its last error line. */
    private String run(List<String> command, String program) throws IOException, InterruptedException {
        Path errors = Files.createTempFile(program + "-", ".log");
        Path output = Files.createTempFile(program + "-", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(output.toFile()).redirectError(errors.toFile());
            builder.environment().put("LD_LIBRARY_PATH", programs.libraryPath());
            Process process = builder.start();
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new MediaProblem("the video could not be transcoded: " + program + " took longer than "
                            + timeout.toString().substring(2).toLowerCase(Locale.ROOT) + " and was stopped");
                }
            } finally {
                process.destroyForcibly();
            }
            if (process.exitValue() != 0) {
                List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8).stream()
                        .filter(line -> !line.isBlank()).toList();
                throw new MediaProblem("the video could not be transcoded: " + (lines.isEmpty()
                        ? program + " exited with " + process.exitValue() : lines.get(lines.size() - 1).trim()));
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(errors);
            Files.deleteIfExists(output);
        }
    }

    /**
     * bytedeco's ffmpeg and ffprobe, unpacked by JavaCPP into its cache (~/.javacpp/cache). Its
     * libraries ask for libva.so.2 and libva-drm.so.2, which the jar ships as libva.so and
     * libva-drm.so: the missing names are links in a directory of our own, put on the library path.
     */
    static Programs bundled() {
        Path ffmpeg = Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
        Path ffprobe = Path.of(Loader.load(org.bytedeco.ffmpeg.ffprobe.class));
        Path libraries = ffmpeg.getParent();
        try {
            Path links = Files.createTempDirectory("feedgram-ffmpeg-");
            for (String library : List.of("libva.so", "libva-drm.so")) {
                if (Files.exists(libraries.resolve(library)) && !Files.exists(libraries.resolve(library + ".2"))) {
                    Files.createSymbolicLink(links.resolve(library + ".2"), libraries.resolve(library));
                }
            }
            return new Programs(ffmpeg, ffprobe, libraries + ":" + links);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot link the bundled ffmpeg's libraries", e);
        }
    }
}
