package dev.setwise.api;

import dev.setwise.json.JsonCodec;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors that Jetty answers before a request reaches the API (a malformed request, headers too
 * large, a request refused while shutting down) in the same JSON shape as every other error,
 * without Jetty's HTML page or its exception text.
 */
final class JsonErrorHandler extends ErrorHandler {

  private static final Logger LOG = LoggerFactory.getLogger(JsonErrorHandler.class);

  private final JsonCodec codec;

  JsonErrorHandler(JsonCodec codec) {
    this.codec = codec;
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    if (code >= 500 && code != 503) {
      LOG.error("Server error {} before reaching the API: {}", code, message, cause);
    }
    ErrorAnswers.ErrorAnswer answer = ErrorAnswers.forStatus(code);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Exchanges.JSON);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(codec.writeBytes(answer.body())), callback);
  }
}
