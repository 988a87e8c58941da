package dateline.media;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the library keeps bytes: originals under their SHA-256 (content-addressed, so the same bytes are
 * stored once) and each item's renditions under its id. {@link FileMediaStorage}, on a directory, is the
 * one shipped; an S3-compatible store replaces it by implementing these five methods over a bucket
 * (originals as {@code originals/<sha256>}, renditions as {@code renditions/<id>/<name>}, with
 * {@code PutObject}, {@code GetObject}, {@code DeleteObject} and a prefix delete), made the
 * {@code @Alternative} bean in its place. Every write must be all or nothing: a reader never sees half a file.
 */
public interface MediaStorage {

    /** Stores an original unless the same bytes are already stored; true when it wrote them now. */
    boolean putOriginal(String sha256, byte[] bytes) throws IOException;

    /** An original's bytes. */
    byte[] original(String sha256) throws IOException;

    /** Deletes an original no item uses any more. */
    void deleteOriginal(String sha256) throws IOException;

    /** A kept rendition of an item, if it was made before. */
    Optional<byte[]> rendition(UUID item, String name) throws IOException;

    /** Keeps a rendition (replacing one another request made meanwhile, which has the same pixels). */
    void putRendition(UUID item, String name, byte[] bytes) throws IOException;

    /** Deletes every rendition of an item. */
    void deleteRenditions(UUID item) throws IOException;
}
