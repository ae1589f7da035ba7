package dev.setwise.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read whole into memory, but never more than a limit: a server that sends more
 * fails the request instead of filling the heap.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

  private final long limit;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private Flow.Subscription subscription;

  private CappedBody(long limit) {
    this.limit = limit;
  }

  static HttpResponse.BodyHandler<byte[]> handler(long limit) {
    return info -> new CappedBody(limit);
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription given) {
    this.subscription = given;
    given.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    for (ByteBuffer buffer : buffers) {
      int size = buffer.remaining();
      if (bytes.size() + (long) size > limit) {
        subscription.cancel();
        result.completeExceptionally(new IOException("the answer is larger than " + limit + " bytes"));
        return;
      }
      byte[] chunk = new byte[size];
      buffer.get(chunk);
      bytes.write(chunk, 0, size);
    }
  }

  @Override
  public void onError(Throwable failure) {
    result.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    result.complete(bytes.toByteArray());
  }
}
