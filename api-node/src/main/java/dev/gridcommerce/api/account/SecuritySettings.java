package dev.gridcommerce.api.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param jwtSecret HMAC key of the access tokens (32+ bytes, base64 or plain text); blank means a
 *     random key for this process only
 * @param tokenTtl how long an access token is valid
 */
@ConfigurationProperties("commerce.security")
public record SecuritySettings(String jwtSecret, Duration tokenTtl) {

  public SecuritySettings {
    tokenTtl = tokenTtl == null ? Duration.ofHours(1) : tokenTtl;
  }
}
