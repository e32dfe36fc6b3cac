package dk.enplan.planapi;

import dk.enplan.process.ApiProblems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies to {@code /api} may be at most 10 kB (a lookup is a few bytes): a larger declared length is
 * answered 413 before anything is read; a body without a declared length (chunked) fails with 413 as soon as it
 * passes the limit. Plan API responses hold personal data, so none of them may be cached.
 */
@Configuration
class RequestBodyLimit {

  static final int MAX_BYTES = 10 * 1024;
  static final String MESSAGE = "body: må højst være 10 kB";

  @Bean
  FilterRegistrationBean<LimitFilter> planApiRequestBodyLimit(ObjectMapper json) {
    FilterRegistrationBean<LimitFilter> registration = new FilterRegistrationBean<>(new LimitFilter(json));
    registration.setName("plan-api-request-body-limit");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(110); // after the authentication (101/102): an unauthenticated caller gets 401
    return registration;
  }

  static class LimitFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    LimitFilter(ObjectMapper json) {
      this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      response.setHeader("Cache-Control", "no-store");
      if (request.getContentLengthLong() > MAX_BYTES) {
        ApiProblems.write(response, json, HttpStatus.PAYLOAD_TOO_LARGE, ApiProblems.BODY, MESSAGE);
        return;
      }
      chain.doFilter(new LimitedRequest(request), response);
    }
  }

  /** Thrown while reading a body past the limit; the error handler answers 413. */
  static class TooLarge extends ApiProblems.BodyTooLarge {
    TooLarge() {
      super(MESSAGE);
    }
  }

  private static class LimitedRequest extends HttpServletRequestWrapper {

    private ServletInputStream limited;

    LimitedRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (limited == null) {
        limited = new LimitedStream(super.getInputStream());
      }
      return limited;
    }
  }

  private static class LimitedStream extends ServletInputStream {

    private final ServletInputStream in;
    private long read;

    LimitedStream(ServletInputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws TooLarge {
      read += n;
      if (read > MAX_BYTES) {
        throw new TooLarge();
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
