package dateline.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Dateline's own settings, under the {@code dateline.} prefix. */
@ConfigMapping(prefix = "dateline")
public interface DatelineConfig {

    /** Demo content loaded into an empty database. */
    Demo demo();

    /** Cursor signing. */
    Cursor cursor();

    interface Demo {
        /** Load the seed page on first start against an empty database. */
        @WithDefault("true")
        boolean enabled();
    }

    interface Cursor {
        /** HMAC key that makes cursors tamper-evident; set the same value on every instance. */
        @WithDefault("dateline-development-cursor-key")
        String secret();
    }
}
