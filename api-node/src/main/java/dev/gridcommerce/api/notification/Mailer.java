package dev.gridcommerce.api.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends one mail, HTML with its plain-text alternative, through Spring's {@link JavaMailSender}
 * over SMTP, with a connect and a read timeout. A server that can't be reached or fails is an
 * exception (the caller tries again later); a recipient the server refuses for good is logged and
 * answered false, so one bad address never holds up the mails behind it.
 */
final class Mailer {

  private static final Logger log = LoggerFactory.getLogger(Mailer.class);

  private final JavaMailSender sender;
  private final String from;

  Mailer(JavaMailSender sender, String from) {
    this.sender = sender;
    this.from = from;
  }

  /** A sender for the settings' SMTP server. */
  static JavaMailSenderImpl sender(NotificationSettings.Smtp smtp) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost(smtp.host());
    sender.setPort(smtp.port());
    if (smtp.user() != null && !smtp.user().isBlank()) {
      sender.setUsername(smtp.user());
      sender.setPassword(smtp.password());
    }
    Properties properties = sender.getJavaMailProperties();
    properties.put("mail.smtp.auth", String.valueOf(sender.getUsername() != null));
    properties.put("mail.smtp.starttls.enable", String.valueOf(smtp.starttls()));
    properties.put("mail.smtp.starttls.required", String.valueOf(smtp.starttls()));
    properties.put("mail.smtp.connectiontimeout", String.valueOf(smtp.connectTimeout().toMillis()));
    properties.put("mail.smtp.timeout", String.valueOf(smtp.readTimeout().toMillis()));
    properties.put("mail.smtp.writetimeout", String.valueOf(smtp.readTimeout().toMillis()));
    return sender;
  }

  /** Sends the mail; false when the server refuses the recipient for good. */
  boolean send(String to, MailTemplates.Mail mail) {
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(from);
      helper.setTo(to);
      helper.setSubject(mail.subject());
      helper.setText(mail.text(), mail.html());
      sender.send(message);
      return true;
    } catch (MessagingException e) {
      log.error("mail to {} can't be written: {}", to, e.toString());
      return false;
    } catch (MailException e) {
      if (refusedForGood(e)) {
        log.error("mail '{}' to {} refused by the server: {}", mail.subject(), to, e.getMessage());
        return false;
      }
      throw e;
    }
  }

  /**
   * The server answered and refused the mail for good (a 5xx: the recipient, the sender, or the
   * message itself, as spam or too large): trying again won't help.
   */
  private static boolean refusedForGood(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      int code =
          switch (cause) {
            case SMTPSendFailedException sent -> sent.getReturnCode();
            case SMTPAddressFailedException address -> address.getReturnCode();
            case SMTPSenderFailedException sender -> sender.getReturnCode();
            default -> 0;
          };
      if (code >= 500 && code < 600) {
        return true;
      }
      if (cause instanceof SendFailedException failed
          && failed.getInvalidAddresses() != null
          && failed.getInvalidAddresses().length > 0) {
        return true;
      }
    }
    if (e instanceof org.springframework.mail.MailSendException sendFailure) {
      return sendFailure.getFailedMessages().values().stream()
          .anyMatch(failure -> failure != e && refusedForGood(failure));
    }
    return false;
  }
}
