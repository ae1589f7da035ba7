package dev.setwise.service;

import java.nio.file.Path;

/**
 * A profile deleted: what it held, and the backup made just before, which is the way back.
 *
 * @param removed what was deleted
 * @param backup the backup of the whole database made before anything was deleted; null on
 *     PostgreSQL, where Setwise makes no backups
 */
public record ProfileDeleted(ProfileContents removed, Path backup) {}
