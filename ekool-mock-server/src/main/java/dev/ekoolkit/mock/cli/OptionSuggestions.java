package dev.ekoolkit.mock.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * "Did you mean" for mistyped option names. Picocli suggests only options that share the first two letters of
 * the typed name, so {@code --auto-logn} finds {@code --auto-login} but {@code --prot} finds nothing; this also
 * finds names within two single-letter edits (a letter added, dropped, changed, or two neighbours swapped).
 */
final class OptionSuggestions {

    /** How many edits a typo may be away from the name it was meant to be. */
    private static final int MAX_EDITS = 2;

    /**
     * An argument that is an option name, possibly with {@code =value}: dashes, then a lowercase letter, then
     * lowercase letters, digits and dashes. Anything else (a value, a secret pasted after a dash) never counts.
     */
    private static final Pattern OPTION_NAME = Pattern.compile("--?[a-z][a-z0-9-]{0,40}");

    private OptionSuggestions() {
    }

    /**
     * The option name an argument such as {@code --secret-evn=X} stands for ({@code --secret-evn}), or {@code null}
     * when the argument does not look like an option; the value after {@code =} is never part of the answer.
     */
    static String optionName(String argument) {
        int eq = argument.indexOf('=');
        String name = eq < 0 ? argument : argument.substring(0, eq);
        return OPTION_NAME.matcher(name).matches() ? name : null;
    }

    /** The names in {@code known} that {@code typed} (an option name) probably meant, closest first. */
    static List<String> similar(String typed, Collection<String> known) {
        List<String> found = new ArrayList<>();
        for (int edits = 1; edits <= MAX_EDITS && found.isEmpty(); edits++) {
            for (String name : known) {
                // short names allow fewer edits: one letter, none (-x would "mean" every -y); four, one; six, two
                int allowed = Math.min(edits, (name.replace("-", "").length() - 1) / 2);
                if (!name.equals(typed) && distance(typed, name) <= allowed && !found.contains(name)) {
                    found.add(name);
                }
            }
        }
        return found;
    }

    /** The optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
