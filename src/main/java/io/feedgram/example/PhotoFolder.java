package io.feedgram.example;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.feedgram.system.Sha256;
import org.springframework.stereotype.Component;

/**
 * A folder of photos and videos to post, for a route that watches it (routes/examples/
 * photo-folder.camel.yaml): which files make which post, and where they go afterwards. A file
 * still being copied in is left for a later look: a set is ready once none of its files changed
 * for {@link #SETTLE}. Files are moved, never deleted: to {@code done/}, or to {@code failed/}
 * next to a {@code <name>.reason.txt} that says why.
 */
@Component
public class PhotoFolder {

    /** How long a set's files must be unchanged before it is taken. */
    static final Duration SETTLE = Duration.ofSeconds(2);
    static final Set<String> MEDIA = Set.of("jpg", "jpeg", "png", "webp", "gif", "bmp", "mp4", "mov");
    /** {@code trip-2} is item 2 of the set {@code trip}. */
    private static final Pattern NUMBERED = Pattern.compile("(.+)-(\\d{1,4})");

    private final Clock clock;

    public PhotoFolder(Clock clock) {
        this.clock = clock;
    }

    /** The sets in {@code folder} that are ready, by name; an orphan caption or any other file is left alone. */
    public List<PhotoSet> ready(String folder) {
        Path dir = Path.of(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Map<String, List<Path>> media = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).filter(file -> MEDIA.contains(extension(file)))
                    .forEach(file -> media.computeIfAbsent(setName(file), name -> new ArrayList<>()).add(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant settled = clock.instant().minus(SETTLE);
        List<PhotoSet> ready = new ArrayList<>();
        media.forEach((name, items) -> {
            items.sort(Comparator.comparingInt(PhotoFolder::number).thenComparing(Path::toString));
            Path captionFile = captionFile(dir, name, items);
            List<Path> files = PhotoSet.files(items, captionFile);
            if (files.stream().allMatch(file -> modified(file).isBefore(settled))) {
                ready.add(new PhotoSet(dir, name, List.copyOf(items), captionFile,
                        captionFile == null ? null : read(captionFile), key(name, files)));
            }
        });
        return ready;
    }

    /** Moves the set's files into {@code done/}. */
    public void done(PhotoSet set) {
        moveAll(set, "done");
    }

    /** Moves the set's files into {@code failed/}, next to {@code <name>.reason.txt} holding {@code reason}. */
    public void failed(PhotoSet set, String reason) {
        Path failed = moveAll(set, "failed");
        try {
            Files.writeString(failed.resolve(set.name() + ".reason.txt"), reason + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path moveAll(PhotoSet set, String to) {
        Path target = set.folder().resolve(to);
        try {
            Files.createDirectories(target);
            for (Path file : set.files()) {
                Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code <set>.txt}, or for a set of one file {@code <file>.txt}; null when there is none. */
    private static Path captionFile(Path dir, String name, List<Path> items) {
        Path caption = dir.resolve(name + ".txt");
        if (!Files.isRegularFile(caption) && items.size() == 1) {
            caption = dir.resolve(baseName(items.get(0)) + ".txt");
        }
        return Files.isRegularFile(caption) ? caption : null;
    }

    private static String key(String name, List<Path> files) {
        StringBuilder fingerprint = new StringBuilder();
        for (Path file : files) {
            try {
                fingerprint.append(file.getFileName()).append('/').append(Files.size(file)).append('/')
                        .append(modified(file).toEpochMilli()).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "photo-folder:" + name + ":" + Sha256.hex(fingerprint.toString());
    }

    private static String setName(Path file) {
        Matcher numbered = NUMBERED.matcher(baseName(file));
        return numbered.matches() ? numbered.group(1) : baseName(file);
    }

    /** The item's number in its set; a file without one comes first. */
    private static int number(Path file) {
        Matcher numbered = NUMBERED.matcher(baseName(file));
        return numbered.matches() ? Integer.parseInt(numbered.group(2)) : -1;
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    private static String read(Path caption) {
        try {
            // bytes that are not UTF-8 become U+FFFD rather than stop the folder
            String text = new String(Files.readAllBytes(caption), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? null : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
