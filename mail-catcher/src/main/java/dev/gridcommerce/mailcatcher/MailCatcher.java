package dev.gridcommerce.mailcatcher;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The demo's SMTP server (GreenMail, on loopback): it accepts every mail, writes each into {@code
 * folder} as {@code <n>-<recipient>.eml} (a whole message: open it with any mail program, or read
 * it as text) and prints a line per mail (to, subject, file).
 */
public final class MailCatcher implements AutoCloseable {

  private final GreenMail smtp;
  private final Path folder;
  private final ScheduledExecutorService writer =
      Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "mail-writer");
        thread.setDaemon(true);
        return thread;
      });
  private int written;

  private MailCatcher(int port, Path folder) throws IOException {
    this.folder = Files.createDirectories(folder);
    this.smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    writer.scheduleWithFixedDelay(this::writeNew, 200, 200, TimeUnit.MILLISECONDS);
  }

  /** Starts taking mail on {@code port} (0: any free one) into {@code folder}. */
  public static MailCatcher start(int port, Path folder) {
    try {
      return new MailCatcher(port, folder);
    } catch (IOException e) {
      throw new UncheckedIOException("can't write mail into " + folder, e);
    }
  }

  public int port() {
    return smtp.getSmtp().getPort();
  }

  /** How many mails were written so far. */
  public synchronized int written() {
    return written;
  }

  private synchronized void writeNew() {
    MimeMessage[] received = smtp.getReceivedMessages();
    for (; written < received.length; written++) {
      MimeMessage message = received[written];
      try {
        String to =
            Arrays.stream(message.getAllRecipients())
                .map(Object::toString)
                .collect(Collectors.joining(","));
        Path file =
            folder.resolve(
                String.format("%04d-%s.eml", written + 1, to.replaceAll("[^A-Za-z0-9@.,_-]", "_")));
        try (OutputStream out = Files.newOutputStream(file)) {
          message.writeTo(out);
        }
        System.out.printf("mail to %s: %s (%s)%n", to, message.getSubject(), file);
      } catch (IOException | MessagingException e) {
        System.err.printf("mail %d can't be written: %s%n", written + 1, e);
      }
    }
  }

  @Override
  public void close() {
    writer.shutdownNow();
    writeNew();
    smtp.stop();
  }

  /**
   * Run alone: {@code MAIL_CATCHER_PORT} (3025), {@code MAIL_CATCHER_DIR} ({@code mail}), and
   * {@code MAIL_CATCHER_EXIT_WITH} (a process id: it exits when that process does).
   */
  public static void main(String[] args) throws InterruptedException {
    Map<String, String> env = System.getenv();
    MailCatcher catcher =
        start(
            Integer.parseInt(env.getOrDefault("MAIL_CATCHER_PORT", "3025")),
            Path.of(env.getOrDefault("MAIL_CATCHER_DIR", "mail")));
    Runtime.getRuntime().addShutdownHook(new Thread(catcher::close, "mail-catcher-stop"));
    String exitWith = env.getOrDefault("MAIL_CATCHER_EXIT_WITH", "");
    if (!exitWith.isBlank()) {
      ProcessHandle.of(Long.parseLong(exitWith.strip()))
          .ifPresentOrElse(
              parent -> parent.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));
    }
    System.out.printf(
        "Mail catcher: SMTP on 127.0.0.1:%d, each mail written into %s%n",
        catcher.port(), catcher.folder.toAbsolutePath());
    Thread.currentThread().join();
  }
}
