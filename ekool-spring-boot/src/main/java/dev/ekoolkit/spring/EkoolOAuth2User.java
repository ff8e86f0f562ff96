package dev.ekoolkit.spring;

import dev.ekoolkit.core.flow.EkoolUser;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.user.OAuth2User;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The signed-in eKool user as Spring Security's principal: {@link #getName()} is the eKool id, the attributes are
 * the {@code data} object of {@code /user/me/basic}, and {@link #ekoolUser()} gives ekool-core's typed profile
 * (names, e-mail, personal code, roles). Authorities are {@code ROLE_STUDENT}, {@code ROLE_PARENT},
 * {@code ROLE_TEACHER} (one per eKool role) and {@code SCOPE_<scope>} for every granted scope.
 *
 * <pre>{@code
 * @GetMapping("/")
 * String home(@AuthenticationPrincipal EkoolOAuth2User user) {
 *     return "Hello " + user.ekoolUser().firstName();
 * }
 * }</pre>
 */
public final class EkoolOAuth2User implements OAuth2User, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The {@code data} object of {@code /user/me/basic}, unmodifiable, in the server's order. */
    private final Map<String, Object> attributes;
    /** The role and scope authorities, unmodifiable. */
    private final List<GrantedAuthority> authorities;
    private transient EkoolUser user;

    /**
     * Wraps a profile.
     *
     * @param user        the profile from {@code /user/me/basic}
     * @param authorities the granted authorities
     */
    public EkoolOAuth2User(EkoolUser user, Collection<? extends GrantedAuthority> authorities) {
        this.user = Objects.requireNonNull(user, "user");
        this.attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(user.raw()));
        this.authorities = List.copyOf(authorities);
    }

    /** The eKool user's id, which is what Spring Security calls the principal's name. */
    @Override
    public String getName() {
        return ekoolUser().id();
    }

    /** The {@code data} object of {@code /user/me/basic}, unwrapped, in the server's order. */
    @Override
    public Map<String, Object> getAttributes() {
        return attributes;
    }

    /** The role and scope authorities. */
    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    /**
     * The typed profile: id, first and last name, e-mail, personal code, roles.
     *
     * @return the profile, never {@code null} (rebuilt from the attributes after deserialisation)
     */
    public EkoolUser ekoolUser() {
        EkoolUser u = user;
        if (u == null) {
            u = EkoolUser.fromData(attributes); // after deserialisation
            user = u;
        }
        return u;
    }

    /** Equal when the attributes and authorities are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof EkoolOAuth2User other && other.attributes.equals(attributes)
                && other.authorities.equals(authorities);
    }

    /** From the attributes and authorities. */
    @Override
    public int hashCode() {
        return Objects.hash(attributes, authorities);
    }

    /** The profile with its e-mail and personal code masked, and the authorities. */
    @Override
    public String toString() {
        return "EkoolOAuth2User[" + ekoolUser() + ", authorities=" + authorities + "]";
    }
}
