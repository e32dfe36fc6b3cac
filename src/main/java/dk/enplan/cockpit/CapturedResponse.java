package dk.enplan.cockpit;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A response written into memory (status, content type, body) rather than to the client, so the Cockpit plugin can
 * hand on what the KPI API answered as its own answer. Headers other than the content type are not kept.
 */
class CapturedResponse extends HttpServletResponseWrapper {

  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private final ServletOutputStream stream = new ServletOutputStream() {
    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void write(int b) {
      body.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      body.write(bytes, offset, length);
    }
  };
  private PrintWriter writer;
  private int status = SC_OK;
  private String contentType;

  CapturedResponse(HttpServletResponse response) {
    super(response);
  }

  byte[] body() {
    if (writer != null) {
      writer.flush();
    }
    return body.toByteArray();
  }

  @Override
  public ServletOutputStream getOutputStream() {
    return stream;
  }

  @Override
  public PrintWriter getWriter() {
    if (writer == null) {
      writer = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    }
    return writer;
  }

  @Override
  public void setStatus(int status) {
    this.status = status;
  }

  @Override
  public void sendError(int status) {
    this.status = status;
  }

  @Override
  public void sendError(int status, String message) {
    this.status = status;
  }

  @Override
  public int getStatus() {
    return status;
  }

  @Override
  public void setContentType(String type) {
    this.contentType = type;
  }

  @Override
  public String getContentType() {
    return contentType;
  }

  @Override
  public void setCharacterEncoding(String charset) {
    // The body is kept as bytes; its encoding is named in the content type.
  }

  @Override
  public void flushBuffer() {
    // Nothing goes to the client from here.
  }

  @Override
  public void resetBuffer() {
    body.reset();
  }

  @Override
  public void reset() {
    body.reset();
    status = SC_OK;
    contentType = null;
  }

  @Override
  public boolean isCommitted() {
    return false;
  }
}
