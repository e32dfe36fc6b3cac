package dk.enplan.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request as the engine receives it after the gate: its body read once by the gate and handed on unchanged,
 * and the query parameters the gate added (a directory query kept within the caller's municipality) in place of any
 * the caller sent under the same name.
 */
class EngineApiRequest extends HttpServletRequestWrapper {

  private final byte[] body;
  private final Map<String, List<String>> replaced;

  EngineApiRequest(HttpServletRequest request, byte[] body, Map<String, List<String>> replaced) {
    super(request);
    this.body = body;
    this.replaced = replaced;
  }

  @Override
  public ServletInputStream getInputStream() {
    if (body == null) {
      try {
        return super.getInputStream();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException();
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
  }

  @Override
  public String getQueryString() {
    if (replaced.isEmpty()) {
      return super.getQueryString();
    }
    StringBuilder query = new StringBuilder();
    getParameterMap().forEach((name, values) -> {
      for (String value : values) {
        query.append(query.isEmpty() ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    });
    return query.toString();
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    if (replaced.isEmpty()) {
      return super.getParameterMap();
    }
    Map<String, String[]> parameters = new LinkedHashMap<>(super.getParameterMap());
    replaced.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
    return Collections.unmodifiableMap(parameters);
  }

  @Override
  public String getParameter(String name) {
    String[] values = getParameterMap().get(name);
    return values == null || values.length == 0 ? null : values[0];
  }

  @Override
  public String[] getParameterValues(String name) {
    return getParameterMap().get(name);
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return Collections.enumeration(getParameterMap().keySet());
  }
}
