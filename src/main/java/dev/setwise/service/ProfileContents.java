package dev.setwise.service;

import dev.setwise.domain.Profile;

/**
 * What a profile holds, as deleting it would remove it (for the confirmation).
 *
 * @param profile the profile
 * @param plans its plans, archived ones too
 * @param sessions its sessions, the one in progress too
 * @param amendments the amendments of its sessions
 * @param workoutInProgress true when one of its sessions is in progress
 * @param onlyProfile true when it is the only profile of the data folder (it cannot be deleted)
 */
public record ProfileContents(Profile profile, long plans, long sessions, long amendments, boolean workoutInProgress,
    boolean onlyProfile) {}
