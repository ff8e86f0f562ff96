package dev.ekoolkit.core.scope;

import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.internal.Text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An immutable, ordered set of scopes in the space-separated wire form of RFC 6749 §3.3, for example
 * {@code "users-basic mkool-api"}. Order is kept as given; duplicates and empty tokens are rejected.
 *
 * <pre>{@code
 * Scopes scopes = Scopes.parse("users-basic");
 * String wire = scopes.format();   // "users-basic"
 * }</pre>
 *
 * @param values the scopes, in order, without duplicates
 */
public record Scopes(List<Scope> values) implements Iterable<Scope> {

    /**
     * Copies the list and rejects duplicates.
     *
     * @param values the scopes, in order, without duplicates
     * @throws EkoolOAuthException {@code invalid_scope} when a scope repeats
     */
    public Scopes {
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        for (int i = 0; i < values.size(); i++) {
            int first = values.indexOf(values.get(i));
            if (first < i) {
                throw EkoolOAuthException.invalidScope("scope must list each scope token once (RFC 6749 section 3.3); got '"
                        + Text.printable(values.get(i).value(), Scope.PRINTABLE_LIMIT) + "' at tokens " + (first + 1) + " and " + (i + 1));
            }
        }
    }

    /**
     * No scopes.
     *
     * @return the empty set of scopes
     */
    public static Scopes empty() {
        return new Scopes(List.of());
    }

    /**
     * The given scopes, in order.
     *
     * @param scopes the scopes
     * @return the given scopes, in order
     */
    public static Scopes of(Scope... scopes) {
        return new Scopes(Arrays.asList(scopes));
    }

    /**
     * The given scope tokens, in order; each validated as in {@link Scope#of(String)}.
     *
     * @param scopes the scopes
     * @return the given scope tokens, in order; each validated as in {@link Scope#of(String)}
     */
    public static Scopes of(String... scopes) {
        return new Scopes(Arrays.stream(scopes).map(Scope::of).toList());
    }

    /**
     * The given scopes, in iteration order.
     *
     * @param scopes the scopes
     * @return the given scopes, in iteration order
     */
    public static Scopes of(Collection<Scope> scopes) {
        return new Scopes(new ArrayList<>(scopes));
    }

    /**
     * Parses the space-separated wire form (RFC 6749 §3.3). Tokens are separated by exactly one space;
     * an empty token (a leading, trailing or double space) is rejected, as is a repeated scope.
     * {@code null} or {@code ""} gives {@link #empty()}.
     *
     * @param wire the text as received from outside, possibly {@code null}; nothing is trimmed
     * @return the scopes, in order; empty for {@code null} or {@code ""}
     * @throws EkoolOAuthException {@code invalid_scope} naming the problem and where it is
     */
    public static Scopes parse(String wire) {
        if (wire == null || wire.isEmpty()) {
            return empty();
        }
        String[] tokens = wire.split(" ", -1);
        List<Scope> scopes = new ArrayList<>(tokens.length);
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].isEmpty()) {
                throw EkoolOAuthException.invalidScope("scope must be scope tokens separated by single spaces"
                        + " (RFC 6749 section 3.3); got an empty token at token " + (i + 1) + " of '"
                        + Text.printable(wire, Scope.PRINTABLE_LIMIT) + "' (a leading, trailing or double space?)");
            }
            scopes.add(Scope.parse(tokens[i]));
        }
        return new Scopes(scopes);
    }

    /**
     * The space-separated wire form; {@code ""} when empty.
     *
     * @return the space-separated wire form; {@code ""} when empty
     */
    public String format() {
        return values.stream().map(Scope::value).collect(Collectors.joining(" "));
    }

    /**
     * {@code true} when {@code scope} is one of these.
     *
     * @param scope the scope to look for
     * @return {@code true} when {@code scope} is one of these
     */
    public boolean contains(Scope scope) {
        return values.contains(scope);
    }

    /**
     * {@code true} when every scope of {@code other} is one of these.
     *
     * @param other the scopes to look for
     * @return {@code true} when every scope of {@code other} is one of these
     */
    public boolean containsAll(Scopes other) {
        return values.containsAll(other.values);
    }

    /**
     * The number of scopes.
     *
     * @return the number of scopes
     */
    public int size() {
        return values.size();
    }

    /**
     * {@code true} when there are no scopes.
     *
     * @return {@code true} when there are no scopes
     */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * The scope tokens as strings, in order.
     *
     * @return the scope tokens as strings, in order
     */
    public List<String> asStrings() {
        return values.stream().map(Scope::value).toList();
    }

    @Override
    public Iterator<Scope> iterator() {
        return values.iterator();
    }

    /** The wire form. */
    @Override
    public String toString() {
        return format();
    }
}
