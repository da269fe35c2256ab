package dev.gridcommerce.mailcatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mail sent over SMTP to the catcher is written, whole, into its folder. */
class MailCatcherTest {

  @TempDir Path folder;

  @Test
  void everyMailIsWrittenIntoTheFolder() throws Exception {
    try (MailCatcher catcher = MailCatcher.start(0, folder)) {
      ServerSetup smtp = new ServerSetup(catcher.port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
      GreenMailUtil.sendTextEmail(
          "ada@example.com", "shop@example.com", "Your order is confirmed", "Thank you!", smtp);

      await().atMost(Duration.ofSeconds(10)).until(() -> catcher.written() == 1);
      List<Path> files;
      try (Stream<Path> listed = Files.list(folder)) {
        files = listed.toList();
      }
      assertThat(files)
          .singleElement()
          .satisfies(file -> {
            assertThat(file.getFileName().toString()).isEqualTo("0001-ada@example.com.eml");
            assertThat(Files.readString(file))
                .contains("Subject: Your order is confirmed")
                .contains("Thank you!");
          });
    }
  }
}
