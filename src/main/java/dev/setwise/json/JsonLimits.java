package dev.setwise.json;

/**
 * Explicit bounds for reading JSON nobody vouches for. A document beyond any of them is rejected
 * with a clear message before it can cost much memory or time.
 *
 * @param maxDocumentBytes size of the whole document
 * @param maxDepth nesting of objects and arrays
 * @param maxStringLength characters of one string value
 * @param maxNumberLength characters of one number
 * @param maxNameLength characters of one property name
 */
public record JsonLimits(long maxDocumentBytes, int maxDepth, int maxStringLength, int maxNumberLength,
    int maxNameLength) {

  /** One API request body: 1 MiB, as the contract's 413 rule says. */
  public static final long ONE_MIB = 1024L * 1024L;

  /** Limits for a request body or any small document. */
  public static final JsonLimits REQUEST = new JsonLimits(ONE_MIB, 32, 64 * 1024, 64, 256);

  /**
   * Limits for what the store itself wrote: a structure at every contract maximum (100 exercises
   * of 100 sets) is a few MiB, more than one request may carry.
   */
  public static final JsonLimits STORED = new JsonLimits(64 * ONE_MIB, 32, 64 * 1024, 64, 256);
}
