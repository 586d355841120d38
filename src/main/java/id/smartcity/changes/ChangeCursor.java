package id.smartcity.changes;

import id.smartcity.platform.http.OpaqueCursor;

/**
 * The feed's opaque cursor: the position in the audit chain up to which the holder has seen every
 * event ({@code chg:<position>}, see {@link OpaqueCursor}). Chain positions are given out in commit
 * order (src/docs/changes.md#why-the-cursor-never-skips), so "everything after position n" never
 * misses an event that commits later and never repeats one.
 */
public final class ChangeCursor {

    private static final OpaqueCursor CURSOR = new OpaqueCursor("chg:");

    private ChangeCursor() {}

    public static String encode(long position) {
        return CURSOR.encode(position);
    }

    /** The position of a cursor; 0 (the start of the chain) for none; a 400 naming {@code field} otherwise. */
    public static long decode(String field, String cursor) {
        return CURSOR.decode(field, cursor);
    }
}
