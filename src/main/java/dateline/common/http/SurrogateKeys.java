package dateline.common.http;

import java.util.List;

/** A public view that names the CDN purge keys (Surrogate-Key) of the content it shows. */
public interface SurrogateKeys {
    List<String> surrogateKeys();
}
