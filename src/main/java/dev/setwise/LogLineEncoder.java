package dev.setwise;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.encoder.EncoderBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Writes the log file's lines as {@link PatternLayoutEncoder} with {@link #PATTERN} writes them,
 * byte for byte, without building logback's pattern layout: its class registers every converter
 * logback has (some 70 lambdas spun and compiled at start-up) for the five this pattern uses
 * (docs/decisions/0063). An event with a throwable, whose stack trace logback formats, goes to
 * such an encoder all the same, built the first time one comes. {@code LogLineEncoderTest} holds
 * the two to the same bytes.
 */
final class LogLineEncoder extends EncoderBase<ILoggingEvent> {

  /** The line: local time with offset, level, thread, logger shortened to 36 characters, message. */
  static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n";

  private final DateTimeFormatter time =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneId.systemDefault());
  private final TargetLengthBasedClassNameAbbreviator logger = new TargetLengthBasedClassNameAbbreviator(36);
  private PatternLayoutEncoder withThrowable;

  @Override
  public byte[] headerBytes() {
    return null;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    if (event.getThrowableProxy() != null) {
      return patterned().encode(event);
    }
    StringBuilder line = new StringBuilder(128);
    line.append(time.format(Instant.ofEpochMilli(event.getTimeStamp()))).append(' ');
    String level = event.getLevel().toString();
    line.append(level);
    for (int i = level.length(); i < 5; i++) {
      line.append(' ');
    }
    line.append(" [").append(event.getThreadName()).append("] ").append(logger.abbreviate(event.getLoggerName()))
        .append(" - ").append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
    // as LayoutWrappingEncoder without a charset: the platform's
    return line.toString().getBytes();
  }

  /** The pattern layout itself, for events with a throwable (logback is the one that formats stack traces). */
  private synchronized PatternLayoutEncoder patterned() {
    if (withThrowable == null) {
      PatternLayoutEncoder encoder = new PatternLayoutEncoder();
      encoder.setContext(getContext());
      encoder.setPattern(PATTERN);
      encoder.start();
      withThrowable = encoder;
    }
    return withThrowable;
  }

  @Override
  public byte[] footerBytes() {
    return null;
  }

  @Override
  public void stop() {
    PatternLayoutEncoder built;
    synchronized (this) {
      built = withThrowable;
    }
    if (built != null) {
      built.stop();
    }
    super.stop();
  }
}
