package dk.enplan.form;

import dk.enplan.process.FormFieldLabels;
import dk.enplan.process.InvalidInputAnswer;
import dk.enplan.process.InvalidInputException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.enplan.security.EngineApiCallers;
import dk.enplan.security.ReadAgainRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A form submission carries only its form's fields: before the engine sees a start or a task completion, every
 * submitted variable is checked against the deployed Camunda Form of that start event or task
 * ({@link FormSubmissionCheck}); anything else is answered 400 naming the field as the form labels it, and nothing
 * is written. The body is read once and handed on to the engine unchanged, with the form left on the request
 * ({@link FormFieldLabels}) so that input the engine itself refuses is named in the form's words too.
 */
class FormSubmissionFilter extends OncePerRequestFilter {

  /** Far above what any form submits (16 fields of at most 4,000 characters). */
  static final int MAX_BODY_BYTES = 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final EngineApiCallers callers;
  private final SubmissionTargets targets;
  private final FormSubmissionCheck check;

  FormSubmissionFilter(EngineApiCallers callers, SubmissionTargets targets, FormSubmissionCheck check) {
    this.callers = callers;
    this.targets = targets;
    this.check = check;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<FormSubmission> submission = "POST".equalsIgnoreCase(request.getMethod())
        ? FormSubmission.of(path(request)) : Optional.empty();
    if (submission.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String encoding = request.getHeader("Content-Encoding");
    if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.trim())) {
      refuse(response, 415, new InvalidInputException("body", "skal sendes uden Content-Encoding"), null);
      return;
    }
    byte[] body = read(request.getInputStream());
    if (body == null) {
      refuse(response, 413, new InvalidInputException("body", "er større end " + MAX_BODY_BYTES / 1024 + " kB"), null);
      return;
    }
    Optional<Authentication> caller = callers.of(request, submission.get().engine());
    if (caller.isEmpty()) {
      refuse(response, 401, new InvalidInputException("login", "log ind først"), null);
      return;
    }
    CamundaForm form = null;
    try {
      Map<String, SubmittedValue> variables = variables(body);
      Optional<SubmissionTarget> target = targets.find(submission.get(), caller.get());
      if (target.isPresent()) {
        form = target.get().form();
        check.check(form, variables, target.get().existing());
      }
    } catch (InvalidInputException violation) {
      refuse(response, 400, violation, form);
      return;
    }
    if (form != null) {
      request.setAttribute(FormFieldLabels.REQUEST_ATTRIBUTE, form);
    }
    chain.doFilter(new ReadAgainRequest(request, body), response);
  }

  /** The {@code variables} of the body; an empty body, or one the engine could not read either, has none. */
  private static Map<String, SubmittedValue> variables(byte[] body) {
    Map<String, SubmittedValue> variables = new LinkedHashMap<>();
    if (body.length == 0) {
      return variables;
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("body", "er ikke gyldig JSON, eller et felt står der to gange");
    } catch (IOException e) {
      throw new InvalidInputException("body", "kunne ikke læses");
    }
    JsonNode submitted = root == null ? null : root.get("variables");
    if (submitted == null || submitted.isNull()) {
      return variables;
    }
    if (!submitted.isObject()) {
      throw new InvalidInputException("variables", "skal være et objekt med formularens felter");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = submitted.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      variables.put(entry.getKey(), SubmittedValue.read(entry.getKey(), entry.getValue()));
    }
    return variables;
  }

  private static String path(HttpServletRequest request) {
    return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
  }

  private static byte[] read(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    return bytes.length > MAX_BODY_BYTES ? null : bytes;
  }

  /** Answers as the engine's APIs answer refused input, naming the field as {@code form} labels it (if known). */
  private static void refuse(HttpServletResponse response, int status, InvalidInputException refused,
                             CamundaForm form) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSON.writeValueAsString(InvalidInputAnswer.body(refused, form)));
  }
}
