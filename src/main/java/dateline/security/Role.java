package dateline.security;

import java.util.Set;

/**
 * What a token may do. Roles are nested: each includes the ones below it, so an endpoint names the least
 * role it needs ({@code @RolesAllowed(Role.Names.EDITOR)}) and every stronger role passes too.
 */
public enum Role {
    /** Reads everything through management, writes nothing. */
    VIEWER,
    /** Creates articles and edits its own drafts; cannot publish or touch others' articles. */
    AUTHOR,
    /** All content: every article, publication, taxonomy, import. */
    EDITOR,
    /** Everything, including tokens. */
    ADMIN;

    /** The role names a token of this role carries: its own and every weaker one. */
    public Set<String> grantedNames() {
        Set<String> names = new java.util.HashSet<>();
        for (Role r : values()) {
            if (r.ordinal() <= ordinal()) {
                names.add(r.name());
            }
        }
        return names;
    }

    /** The role names as constants, for annotations. */
    public static final class Names {
        public static final String VIEWER = "VIEWER";
        public static final String AUTHOR = "AUTHOR";
        public static final String EDITOR = "EDITOR";
        public static final String ADMIN = "ADMIN";

        private Names() {
        }
    }
}
