package dev.setwise.service.exchange;

import java.nio.file.Path;

/**
 * What an import did.
 *
 * @param summary the counts (as added), duplicates skipped and rows left out
 * @param applied false when there was nothing new to add, so nothing was changed
 * @param backup the backup made just before the import, or null when nothing was changed
 */
public record ImportResult(ImportSummary summary, boolean applied, Path backup) {}
