package dev.setwise.json;

/**
 * A {@link JsonCodec} built the first time it is asked for, from any thread. Building one loads and
 * sets up Jackson (hundreds of classes), which a command such as {@code profile list} never needs.
 */
public final class LazyCodec {

  private final JsonLimits limits;
  private volatile JsonCodec codec;

  public LazyCodec(JsonLimits limits) {
    this.limits = limits;
  }

  /** The codec, built on the first call. */
  public JsonCodec get() {
    JsonCodec built = codec;
    if (built == null) {
      synchronized (this) {
        built = codec;
        if (built == null) {
          built = new JsonCodec(limits);
          codec = built;
        }
      }
    }
    return built;
  }
}
