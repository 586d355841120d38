package id.smartcity.platform.input;

import id.smartcity.platform.problem.ApiException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Every text body (JSON, merge patch, CSV) is read through a check of its bytes as strict UTF-8
 * (RFC 3629): overlong forms ({@code C0 AF} for "/"), encoded surrogates, bytes that cannot start
 * or continue a character and a character cut off at the end are a 400 naming {@code body}, where
 * the JSON parser would have decoded them leniently. A leading byte order mark is skipped (RFC 8259
 * §8.1 lets a parser ignore it). The check streams: the body is never held whole.
 */
@Provider
public class StrictUtf8Body implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (isText(context.getMediaType())) {
            context.setInputStream(new Checked(context.getInputStream()));
        }
        return context.proceed();
    }

    private static boolean isText(MediaType type) {
        return type == null
                || type.getType().equals("text")
                || type.getSubtype().equals("json")
                || type.getSubtype().endsWith("+json");
    }

    /** Passes the bytes on while checking them; skips a leading BOM. */
    static final class Checked extends FilterInputStream {

        private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

        private int expected; // continuation bytes still due for the current character
        private int lower = 0x80; // bounds of the next continuation byte (tighter after E0, ED, F0, F4)
        private int upper = 0xBF;
        private byte[] head; // the first bytes, read ahead to look for a BOM; null before that
        private int headRead;

        Checked(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n;
            do {
                n = read(one, 0, 1);
            } while (n == 0);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (head == null) {
                head = readHead();
            }
            int n;
            if (headRead < head.length) {
                n = Math.min(len, head.length - headRead);
                System.arraycopy(head, headRead, b, off, n);
                headRead += n;
            } else {
                n = in.read(b, off, len);
            }
            if (n < 0) {
                if (expected > 0) {
                    throw invalid(); // a character cut off at the end
                }
                return -1;
            }
            for (int i = 0; i < n; i++) {
                check(b[off + i] & 0xFF);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipped bytes must be checked too: read them.
            byte[] buffer = new byte[(int) Math.min(n, 8192)];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /** Up to three first bytes, without the BOM when they are one. */
        private byte[] readHead() throws IOException {
            byte[] first = new byte[3];
            int got = 0;
            while (got < 3) {
                int r = in.read(first, got, 3 - got);
                if (r < 0) {
                    break;
                }
                got += r;
            }
            if (got == 3 && first[0] == BOM[0] && first[1] == BOM[1] && first[2] == BOM[2]) {
                return new byte[0];
            }
            byte[] kept = new byte[got];
            System.arraycopy(first, 0, kept, 0, got);
            return kept;
        }

        private void check(int c) {
            if (expected > 0) {
                if (c < lower || c > upper) {
                    throw invalid();
                }
                lower = 0x80;
                upper = 0xBF;
                expected--;
                return;
            }
            if (c < 0x80) {
                return;
            }
            if (c >= 0xC2 && c <= 0xDF) {
                expected = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                expected = 2;
                if (c == 0xE0) {
                    lower = 0xA0; // else overlong
                } else if (c == 0xED) {
                    upper = 0x9F; // else an encoded surrogate
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                expected = 3;
                if (c == 0xF0) {
                    lower = 0x90; // else overlong
                } else if (c == 0xF4) {
                    upper = 0x8F; // else above U+10FFFF
                }
            } else {
                // 80-C1 cannot start a character (C0, C1: overlong forms); F5-FF are not UTF-8.
                throw invalid();
            }
        }

        private static ApiException invalid() {
            return ApiException.invalid("body", StrictText.UTF8);
        }
    }
}
