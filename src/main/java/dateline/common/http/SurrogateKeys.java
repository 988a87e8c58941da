package dateline.common.http;

import java.util.List;

/** A public view that names the CDN purge keys (Surrogate-Key) of the content it shows. */
public interface SurrogateKeys {
    /**
     * Carried by every public response, first (a CDN that truncates a long header keeps it): purging it
     * drops everything, for changes no list of keys describes.
     */
    String EVERYTHING = "dateline";

    List<String> surrogateKeys();
}
