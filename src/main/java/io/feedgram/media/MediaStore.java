package io.feedgram.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The directory of the compliant copies Feedgram made, served at {@code <public-url>/media/<name>}.
 * Names are 128 random bits, so a copy cannot be guessed; a file is written under a temporary
 * name and then moved, so a reader never sees half of one. Replicas share the directory.
 */
@Component
public class MediaStore {

    private static final Pattern NAME = Pattern.compile("[0-9a-f]{32}\\.jpg");

    private final Path directory;
    private final SecureRandom random = new SecureRandom();

    MediaStore(MediaProperties properties) {
        this.directory = properties.store().toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException("the media store " + directory + " cannot be created", e);
        }
    }

    /** A new name no one can guess. */
    String newName() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id) + ".jpg";
    }

    /** Keeps {@code jpeg} under {@code name}. */
    void save(String name, byte[] jpeg) {
        try {
            Path partial = Files.write(directory.resolve("tmp").resolve(name), jpeg);
            Files.move(partial, directory.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("a media copy cannot be written to " + directory, e);
        }
    }

    /** The stored file called {@code name}; empty for any name Feedgram did not make. */
    public Optional<Path> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = directory.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** A scratch file for a download; the caller deletes it. */
    Path scratch() {
        try {
            return Files.createTempFile(directory.resolve("tmp"), "download-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("no scratch file in " + directory, e);
        }
    }

    void delete(String name) {
        find(name).ifPresent(file -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + file, e);
            }
        });
    }
}
