package dev.setwise.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Standard output and error as {@link PrintWriter}s that remember why writing failed. Both
 * {@code System.out} (a {@code PrintStream}) and {@code PrintWriter} swallow write errors, so
 * {@code setwise export > /dev/full} used to exit 0 with nothing written; these write straight to
 * the file descriptors, and {@link Cli} asks {@link PrintWriter#checkError()} before it reports
 * success.
 */
public final class ConsoleStreams {

  private ConsoleStreams() {}

  /** Standard output, flushed at each line. */
  public static PrintWriter stdout(Charset charset) {
    return over(new FileOutputStream(FileDescriptor.out), charset);
  }

  /** Standard error, flushed at each line. */
  public static PrintWriter stderr(Charset charset) {
    return over(new FileOutputStream(FileDescriptor.err), charset);
  }

  /** A writer over any stream, keeping its first write error. */
  static PrintWriter over(OutputStream out, Charset charset) {
    return new Recording(new Recorder(out), charset);
  }

  /**
   * Why {@code out} could not be written, in words ("No space left on device"), or a general
   * phrase when it does not know.
   */
  static String failureOf(PrintWriter out) {
    if (out instanceof Recording recording && recording.recorder.failure != null) {
      String reason = recording.recorder.failure.getMessage();
      return reason == null || reason.isBlank() ? recording.recorder.failure.getClass().getSimpleName() : reason;
    }
    return "write error";
  }

  /** A writer whose stream kept the first write error. */
  private static final class Recording extends PrintWriter {

    final Recorder recorder;

    Recording(Recorder recorder, Charset charset) {
      super(new OutputStreamWriter(recorder, charset), true);
      this.recorder = recorder;
    }
  }

  /** Passes bytes on and keeps the first failure (the writer above only keeps a flag). */
  private static final class Recorder extends FilterOutputStream {

    volatile IOException failure;

    Recorder(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        remember(e);
        throw e;
      }
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        remember(e);
        throw e;
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        remember(e);
        throw e;
      }
    }

    private void remember(IOException e) {
      if (failure == null) {
        failure = e;
      }
    }
  }
}
