package dev.setwise.service.exchange;

import dev.setwise.domain.Profile;
import java.nio.file.Path;

/**
 * What an export wrote.
 *
 * @param file the file written, or {@code null} when the export went to a stream
 */
public record ExportResult(Profile profile, long plans, long sessions, Path file) {}
