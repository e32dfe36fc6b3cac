package dk.enplan.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** The export's two formats, each written row by row to the response: nothing is collected in memory. */
enum ExportFormat {

  /** RFC 4180, comma-separated, a header row, UTF-8, lists joined with ';', an empty field for no value. */
  CSV("text/csv;charset=UTF-8", "csv") {
    @Override
    RowWriter open(OutputStream out) {
      Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
      RowWriter rows = new RowWriter() {
        @Override
        public void write(ExportedCourse course) throws IOException {
          line(writer, course.values());
        }

        @Override
        public void close() throws IOException {
          writer.flush();
        }
      };
      try {
        line(writer, List.copyOf(ExportedCourse.COLUMNS));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return rows;
    }
  },

  /** One JSON array of objects whose fields are the columns; null for no value, lists as arrays. */
  JSON("application/json", "json") {
    @Override
    RowWriter open(OutputStream out) {
      try {
        JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        json.writeStartArray();
        return new RowWriter() {
          @Override
          public void write(ExportedCourse course) throws IOException {
            json.writeStartObject();
            List<Object> values = course.values();
            for (int i = 0; i < values.size(); i++) {
              json.writeFieldName(ExportedCourse.COLUMNS.get(i));
              writeValue(json, values.get(i));
            }
            json.writeEndObject();
          }

          @Override
          public void close() throws IOException {
            json.writeEndArray();
            json.flush();
          }
        };
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  private static final JsonFactory FACTORY = new JsonFactory();

  private final String contentType;
  private final String extension;

  ExportFormat(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  String contentType() {
    return contentType;
  }

  String extension() {
    return extension;
  }

  abstract RowWriter open(OutputStream out);

  /** Writes the rows of one export; {@link #close()} ends the document (it does not close the response). */
  interface RowWriter {
    void write(ExportedCourse course) throws IOException;

    void close() throws IOException;
  }

  private static void line(Writer writer, List<?> values) throws IOException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        writer.write(',');
      }
      writer.write(csvField(values.get(i)));
    }
    writer.write("\r\n");
  }

  private static String csvField(Object value) {
    String text = value == null ? "" : value instanceof List<?> list ? String.join(";", list.stream()
        .map(String::valueOf).toList()) : String.valueOf(value);
    boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0;
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }

  private static void writeValue(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof Integer number) {
      json.writeNumber(number);
    } else if (value instanceof List<?> list) {
      json.writeStartArray();
      for (Object item : list) {
        json.writeString(String.valueOf(item));
      }
      json.writeEndArray();
    } else if (value instanceof LocalDate date) {
      json.writeString(date.toString());
    } else {
      json.writeString(String.valueOf(value));
    }
  }
}
