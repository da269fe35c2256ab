package dev.gridcommerce.api.notification;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mail templates ({@code mail/<name>.html} and {@code mail/<name>.txt} on the class path, with
 * the partials {@code header} and {@code footer}), rendered with JMustache: in the HTML, every
 * {@code {{value}}} is escaped, so a product's or shopper's name with markup shows as text; the
 * plain text is not escaped. The first line of the text template is the subject.
 */
final class MailTemplates {

  /** A rendered mail. */
  record Mail(String subject, String text, String html) {}

  private final Mustache.Compiler html;
  private final Mustache.Compiler text;
  private final Map<String, Template[]> compiled = new ConcurrentHashMap<>();

  MailTemplates() {
    Mustache.TemplateLoader partials = name -> reader("mail/" + name + ".html");
    this.html =
        Mustache.compiler()
            .escapeHTML(true)
            .emptyStringIsFalse(true)
            .withLoader(partials)
            .defaultValue("");
    this.text =
        Mustache.compiler()
            .escapeHTML(false)
            .emptyStringIsFalse(true)
            .withLoader(name -> reader("mail/" + name + ".txt"))
            .defaultValue("");
  }

  Mail render(String name, Map<String, Object> model) {
    Template[] templates =
        compiled.computeIfAbsent(
            name,
            n ->
                new Template[] {
                  text.compile(reader("mail/" + n + ".txt")),
                  html.compile(reader("mail/" + n + ".html"))
                });
    String rendered = templates[0].execute(model);
    int newline = rendered.indexOf('\n');
    String subject = (newline < 0 ? rendered : rendered.substring(0, newline)).strip();
    String body = newline < 0 ? "" : rendered.substring(newline + 1).stripLeading();
    return new Mail(subject, body, templates[1].execute(model));
  }

  private static Reader reader(String path) {
    InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new UncheckedIOException(new IOException("no mail template " + path));
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
