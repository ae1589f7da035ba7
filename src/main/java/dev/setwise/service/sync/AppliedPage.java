package dev.setwise.service.sync;

/** What applying one page did: changes made here, and conflicts found (new or refreshed). */
public record AppliedPage(int applied, int conflicts) {}
