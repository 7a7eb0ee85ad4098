package io.feedgram.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The directory of the compliant copies Feedgram made, served at {@code <public-url>/media/<name>}.
 * Names are 128 random bits (a route's local file: 128 bits of its SHA-256, see
 * MediaUploads.keep), so a copy cannot be guessed; a file is written under a temporary
 * name and then moved, so a reader never sees half of one. Replicas share the directory.
 */
@Component
public class MediaStore {

    /** Copies are .jpg; uploads keep the extension of what was sent. */
    private static final Pattern NAME = Pattern.compile("[0-9a-f]{32}\\.(jpg|png|webp|gif|bmp|mp4|mov)");

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

    /** A new name no one can guess, for a converted copy. */
    String newName() {
        return newName("jpg");
    }

    String newName(String extension) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id) + "." + extension;
    }

    /** Keeps an upload, already complete in a scratch file, under {@code name}. */
    void keep(Path scratch, String name) {
        try {
            Files.move(scratch, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("an upload cannot be kept in " + directory, e);
        }
    }

    /** Keeps {@code jpeg} under {@code name}. */
    void save(String name, byte[] jpeg) {
        try {
            // A scratch name of its own (two workers may convert one item), on disk before it is renamed:
            // a file under its final name is always whole.
            Path partial = Files.createTempFile(directory.resolve("tmp"), "copy-", ".part");
            try (FileChannel out = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(jpeg));
                out.force(true);
            }
            Files.move(partial, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("a media copy cannot be written to " + directory, e);
        }
    }

    /** Keeps {@code partial}, a copy written in a scratch file, under {@code name}: on disk first, then renamed. */
    void place(Path partial, String name) {
        try {
            try (FileChannel out = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                out.force(true);
            }
            Files.move(partial, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("a media copy cannot be kept in " + directory, e);
        }
    }

    /**
     * A transcoded copy found after a restart is reused only if it is a whole MP4: its top-level
     * boxes add up to the file's length exactly, and one of them is the moov.
     */
    boolean isWholeMp4(String name) {
        return find(name).map(file -> {
            try (FileChannel in = FileChannel.open(file)) {
                long at = 0;
                boolean moov = false;
                ByteBuffer header = ByteBuffer.allocate(16);
                while (at < in.size()) {
                    header.clear();
                    if (in.read(header, at) < 8) {
                        return false;
                    }
                    long size = Integer.toUnsignedLong(header.getInt(0));
                    if (size == 1) {
                        size = header.position() == 16 ? header.getLong(8) : 0;
                    } else if (size == 0) {
                        size = in.size() - at;
                    }
                    if (size < 8) {
                        return false;
                    }
                    moov |= header.get(4) == 'm' && header.get(5) == 'o' && header.get(6) == 'o' && header.get(7) == 'v';
                    at += size;
                }
                return moov && at == in.size();
            } catch (IOException e) {
                return false;
            }
        }).orElse(false);
    }

    /** A copy found after a restart is reused only if it is a whole JPEG (it ends with the EOI marker). */
    boolean isWholeJpeg(String name) {
        return find(name).map(file -> {
            try (FileChannel in = FileChannel.open(file)) {
                if (in.size() < 4) {
                    return false;
                }
                ByteBuffer end = ByteBuffer.allocate(2);
                in.read(end, in.size() - 2);
                return end.get(0) == (byte) 0xFF && end.get(1) == (byte) 0xD9;
            } catch (IOException e) {
                return false;
            }
        }).orElse(false);
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

    /** The names of the files kept here that were last written before {@code cutoff}. */
    java.util.List<String> olderThan(java.time.Instant cutoff) {
        return writtenBefore(directory, cutoff).stream().map(file -> file.getFileName().toString())
                .filter(name -> NAME.matcher(name).matches()).toList();
    }

    /** Scratch files older than {@code cutoff}: left by a process that was killed mid-download. */
    int deleteScratchOlderThan(java.time.Instant cutoff) {
        int deleted = 0;
        for (Path file : writtenBefore(directory.resolve("tmp"), cutoff)) {
            try {
                deleted += Files.deleteIfExists(file) ? 1 : 0;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + file, e);
            }
        }
        return deleted;
    }

    private static java.util.List<Path> writtenBefore(Path folder, java.time.Instant cutoff) {
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(file -> {
                try {
                    return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
                } catch (IOException e) {
                    return false;                           // gone meanwhile
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(folder + " cannot be listed", e);
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
