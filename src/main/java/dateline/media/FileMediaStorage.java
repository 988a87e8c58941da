package dateline.media;

import dateline.config.DatelineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@link MediaStorage} on a directory ({@code dateline.media.dir}): {@code originals/ab/<sha256>} and
 * {@code renditions/<id>/<name>}. Files are written to a temporary name and moved into place, so a crash
 * or a concurrent reader never sees a partial file. Several instances share it on a network file system.
 */
@ApplicationScoped
public class FileMediaStorage implements MediaStorage {
    private final Path originals;
    private final Path renditions;

    FileMediaStorage(DatelineConfig config) {
        Path root = Path.of(config.media().dir()).toAbsolutePath();
        this.originals = root.resolve("originals");
        this.renditions = root.resolve("renditions");
    }

    @Override
    public boolean putOriginal(String sha256, byte[] bytes) throws IOException {
        Path file = original(sha256, true);
        if (Files.exists(file)) {
            return false;
        }
        write(file, bytes);
        return true;
    }

    @Override
    public byte[] original(String sha256) throws IOException {
        return Files.readAllBytes(original(sha256, false));
    }

    @Override
    public void deleteOriginal(String sha256) throws IOException {
        Files.deleteIfExists(original(sha256, false));
    }

    @Override
    public Optional<byte[]> rendition(UUID item, String name) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(renditions.resolve(item.toString()).resolve(name)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void putRendition(UUID item, String name, byte[] bytes) throws IOException {
        write(renditions.resolve(item.toString()).resolve(name), bytes);
    }

    @Override
    public void deleteRenditions(UUID item) throws IOException {
        Path dir = renditions.resolve(item.toString());
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private Path original(String sha256, boolean forWriting) throws IOException {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        }
        Path dir = originals.resolve(sha256.substring(0, 2));
        if (forWriting) {
            Files.createDirectories(dir);
        }
        return dir.resolve(sha256);
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), ".part-", "");
        try {
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
