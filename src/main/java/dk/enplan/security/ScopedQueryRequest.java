package dk.enplan.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request with the query parameters the gate set (a directory query kept within the caller's municipality) in
 * place of any the caller sent under the same name.
 */
class ScopedQueryRequest extends HttpServletRequestWrapper {

  private final Map<String, List<String>> replaced;

  ScopedQueryRequest(HttpServletRequest request, Map<String, List<String>> replaced) {
    super(request);
    this.replaced = replaced;
  }

  @Override
  public String getQueryString() {
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
