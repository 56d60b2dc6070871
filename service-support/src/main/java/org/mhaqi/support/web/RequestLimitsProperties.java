package org.mhaqi.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body may be ({@code mhaqi.web.*}): an API call carries a few kilobytes of
 * JSON, so anything near a megabyte is a mistake or an attack; files of monthly returns (CSV, or a
 * form's multipart upload) are allowed more.
 *
 * @param maxRequestBytes the limit of every other body
 * @param maxUploadBytes the limit of {@code text/csv} and {@code multipart/*} bodies
 */
@ConfigurationProperties("mhaqi.web")
public record RequestLimitsProperties(
    @DefaultValue("1MB") DataSize maxRequestBytes, @DefaultValue("5MB") DataSize maxUploadBytes) {

  /** The limit of a body of this content type (null when the request declares none). */
  public long limitFor(String contentType) {
    return isUpload(contentType) ? maxUploadBytes.toBytes() : maxRequestBytes.toBytes();
  }

  private static boolean isUpload(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.strip().toLowerCase(java.util.Locale.ROOT);
    return type.startsWith("text/csv") || type.startsWith("multipart/");
  }
}
