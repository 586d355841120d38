package id.smartcity.platform.http;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/** A CSV body written row by row while the response streams, never held in memory whole. */
public record CsvBody(Rows rows) {

    /** Writes the rows to the writer. */
    @FunctionalInterface
    public interface Rows {
        void writeTo(Writer out) throws IOException;
    }

    /** Writes one row of {@code T}. */
    @FunctionalInterface
    public interface Row<T> {
        void write(Writer out, T row) throws IOException;
    }

    /** The header, then one row per item: what a feature's list export is. */
    public static <T> CsvBody of(Rows header, java.util.List<T> items, Row<T> row) {
        return new CsvBody(w -> {
            header.writeTo(w);
            for (T item : items) {
                row.write(w, item);
            }
        });
    }

    @Provider
    @Produces("text/csv")
    public static class BodyWriter implements MessageBodyWriter<CsvBody> {

        @Override
        public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return CsvBody.class.isAssignableFrom(type);
        }

        @Override
        public void writeTo(
                CsvBody body,
                Class<?> type,
                Type genericType,
                Annotation[] annotations,
                MediaType mediaType,
                MultivaluedMap<String, Object> headers,
                OutputStream out)
                throws IOException, WebApplicationException {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            body.rows().writeTo(writer);
            writer.flush();
        }
    }
}
