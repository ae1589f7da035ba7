package dev.setwise.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM and SIGINT (Ctrl+C) as a request to stop. The JVM's own handlers exit with 143 or 130
 * after the shutdown hooks, so a server stopped as asked looked like a failure to service managers
 * and scripts; with these the command returns normally and exits 0.
 *
 * <p>{@code sun.misc.Signal} (module {@code jdk.unsupported}, kept for exactly this use) is reached
 * by reflection only so that the build stays free of its "proprietary API" warning.
 */
final class StopSignals {

  private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

  private StopSignals() {}

  /**
   * Runs {@code stop} (on a thread of its own) when the process gets SIGTERM or SIGINT. Where a
   * signal cannot be handled the JVM's default stays, and the shutdown hook does the stopping.
   */
  static void onStop(Runnable stop) {
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Class<?> signalType = Class.forName("sun.misc.Signal");
        Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
        Object signal = signalType.getConstructor(String.class).newInstance(name);
        Object handler = Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] {handlerType},
            (proxy, method, args) -> handlerCall(proxy, method, args, name, stop));
        signalType.getMethod("handle", signalType, handlerType).invoke(null, signal, handler);
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        LOG.debug("Cannot handle SIG{} here; the JVM's default handler stays", name, e);
      }
    }
  }

  private static Object handlerCall(Object proxy, Method method, Object[] args, String name, Runnable stop) {
    switch (method.getName()) {
      case "handle":
        LOG.info("Received SIG{}: stopping", name);
        stop.run();
        return null;
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return "StopSignals(SIG" + name + ")";
      default:
        return null;
    }
  }
}
