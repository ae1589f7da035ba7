package dev.setwise.domain;

/** What deleting a plan did: removed it, or archived it because sessions refer to it. */
public enum PlanDeletion {
  REMOVED,
  ARCHIVED
}
