package id.smartcity.platform.persistence;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Case- and accent-insensitive text search over a stored, normalised column: the column holds
 * {@link #normalise} of the searched fields, and a query matches it with {@code like
 * :q escape '\'} bound to {@link #containing}.
 */
public final class TextSearch {

    private TextSearch() {}

    /** Lower case without accents, parts joined by a space: "Informátika" → "informatika". */
    public static String normalise(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null) {
                if (text.length() > 0) {
                    text.append(' ');
                }
                text.append(part);
            }
        }
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    /** A LIKE pattern matching {@code q} anywhere, normalised, with its wildcards taken literally. */
    public static String containing(String q) {
        String literal = normalise(q).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + literal + "%";
    }
}
