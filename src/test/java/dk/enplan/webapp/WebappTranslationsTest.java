package dk.enplan.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Danish translations of Camunda's webapps stay complete against the English ones Camunda ships: every key of the
 * webjar's {@code locales/en.json} (same nesting) has a Danish text in our {@code locales/da.json}, we keep no key
 * the shipped file no longer has, and no {@code {{placeholder}}} is dropped. After a Camunda upgrade this test names
 * every key to add or remove (docs/webapps.md). The webapps offer only Danish unless a user picks English, so a
 * missing key would show as the raw key on screen.
 *
 * <p>And each app's {@code scripts/config.js} of ours makes 'da' the default locale.
 */
class WebappTranslationsTest {

  private static final String APP_DIR = "META-INF/resources/webjars/camunda/app/";
  private static final Path OURS = Path.of("src", "main", "resources").resolve(APP_DIR);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void danishHasExactlyTheShippedKeysWithTheirPlaceholders(String app) throws IOException {
    Map<String, String> english = flatten(shippedEnglish(app));
    Path danishFile = OURS.resolve(app).resolve("locales").resolve("da.json");
    assertThat(danishFile).as("our Danish translation of %s", app).exists();
    Map<String, String> danish = flatten(JSON.readTree(Files.readString(danishFile, StandardCharsets.UTF_8)));

    TreeSet<String> missing = new TreeSet<>(english.keySet());
    missing.removeAll(danish.keySet());
    TreeSet<String> notShipped = new TreeSet<>(danish.keySet());
    notShipped.removeAll(english.keySet());
    List<String> droppedPlaceholders = new ArrayList<>();
    english.forEach((key, text) -> {
      if (danish.containsKey(key)) {
        TreeSet<String> lost = placeholders(text);
        lost.removeAll(placeholders(danish.get(key)));
        if (!lost.isEmpty()) {
          droppedPlaceholders.add(key + " " + lost);
        }
      }
    });

    assertSoftly(softly -> {
      softly.assertThat(missing).as("%s: keys of the shipped en.json without a Danish text in %s", app, danishFile)
          .isEmpty();
      softly.assertThat(notShipped).as("%s: keys in %s the shipped en.json no longer has", app, danishFile).isEmpty();
      softly.assertThat(droppedPlaceholders).as("%s: Danish texts that dropped a {{placeholder}} of the English", app)
          .isEmpty();
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configMakesDanishTheDefaultLocale(String app) throws IOException {
    Path config = OURS.resolve(app).resolve("scripts").resolve("config.js");
    assertThat(config).as("our config.js of %s", app).exists();
    String script = Files.readString(config, StandardCharsets.UTF_8);

    assertThat(script).as("%s takes its locales from the shared module", app)
        .contains("locales: locales()")
        .contains("from '../../enplan/language.js'");
    String module = Files.readString(OURS.resolve("enplan").resolve("language.js"), StandardCharsets.UTF_8);
    assertThat(module).as("enplan/language.js: Danish unless the user chose English")
        .contains("=== 'en' ? 'en' : 'da'")
        .contains("availableLocales: [language]");
  }

  /** The en.json inside Camunda's webjar (never a file of ours of the same path, should one exist). */
  private static JsonNode shippedEnglish(String app) throws IOException {
    String path = APP_DIR + app + "/locales/en.json";
    for (URL url : Collections.list(WebappTranslationsTest.class.getClassLoader().getResources(path))) {
      if ("jar".equals(url.getProtocol())) {
        try (InputStream in = url.openStream()) {
          String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
      }
    }
    throw new IllegalStateException("Camunda's webjar with " + path + " is not on the test classpath");
  }

  /** Every leaf as "a.b.c" → text; an array's elements as "a.b[0]". */
  private static Map<String, String> flatten(JsonNode root) {
    Map<String, String> leaves = new TreeMap<>();
    flatten("", root, leaves);
    return leaves;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> leaves) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field ->
          flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), leaves));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "[" + i + "]", node.get(i), leaves);
      }
    } else {
      leaves.put(prefix, node.asText());
    }
  }

  private static TreeSet<String> placeholders(String text) {
    TreeSet<String> names = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }
}
