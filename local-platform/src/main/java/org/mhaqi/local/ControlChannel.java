package org.mhaqi.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How {@code ./platform restart <name>} and {@code ./platform up -d} ask the running supervisor to
 * act on its children: it owns them (their {@link Process} objects, their restart counts), so it
 * must be the one to start them. A Unix domain socket in {@code .run/state/} (owner-only): the
 * command sends one line, the supervisor answers with what it does, line by line, and a last line
 * {@code exit <code>}.
 */
final class ControlChannel implements AutoCloseable {

  private static final String EXIT = "exit ";

  /** Runs one command; its messages go to the caller, the result is the command's exit code. */
  interface Handler {
    int handle(List<String> command, Consumer<String> caller);
  }

  private final Path socket;
  private final ServerSocketChannel server;

  private ControlChannel(Path socket, ServerSocketChannel server) {
    this.socket = socket;
    this.server = server;
  }

  /** Listens on the socket file (replacing a stale one) until closed. */
  static ControlChannel serve(Path socket, Handler handler) {
    try {
      Files.createDirectories(socket.getParent());
      Files.deleteIfExists(socket);
      ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(socket));
      try {
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the directory's permissions apply
      }
      ControlChannel channel = new ControlChannel(socket, server);
      Thread thread = new Thread(() -> channel.accept(handler), "platform-control");
      thread.setDaemon(true);
      thread.start();
      return channel;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + socket, e);
    }
  }

  private void accept(Handler handler) {
    while (server.isOpen()) {
      try {
        SocketChannel connection = server.accept();
        // One at a time on its own thread: a restart waits for readiness, a status must not.
        Thread thread = new Thread(() -> answer(connection, handler), "platform-control-request");
        thread.setDaemon(true);
        thread.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private static void answer(SocketChannel connection, Handler handler) {
    try (connection;
        BufferedReader in =
            new BufferedReader(Channels.newReader(connection, StandardCharsets.UTF_8));
        PrintWriter out =
            new PrintWriter(Channels.newWriter(connection, StandardCharsets.UTF_8), true)) {
      String line = in.readLine();
      if (line == null) {
        return;
      }
      List<String> command = List.of(line.trim().split("\\s+"));
      int rc;
      try {
        rc = handler.handle(command, out::println);
      } catch (RuntimeException e) {
        out.println(e.getMessage());
        rc = 1;
      }
      out.println(EXIT + rc);
    } catch (IOException e) {
      // the caller went away; what was asked for carries on
    }
  }

  /**
   * Sends a command to the supervisor listening on the socket and prints its answer.
   *
   * @return its exit code, or empty if no supervisor listens there
   */
  static Optional<Integer> send(Path socket, List<String> command, PrintStream printer) {
    if (!Files.exists(socket)) {
      return Optional.empty();
    }
    SocketChannel connection;
    try {
      connection = SocketChannel.open(UnixDomainSocketAddress.of(socket));
    } catch (IOException e) {
      return Optional.empty();
    }
    try (connection;
        BufferedReader in =
            new BufferedReader(Channels.newReader(connection, StandardCharsets.UTF_8));
        PrintWriter out =
            new PrintWriter(Channels.newWriter(connection, StandardCharsets.UTF_8), true)) {
      out.println(String.join(" ", command));
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith(EXIT)) {
          return Optional.of(Integer.parseInt(line.substring(EXIT.length()).trim()));
        }
        printer.println(line);
      }
      throw new UncheckedIOException(new IOException("the supervisor hung up without an answer"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      server.close();
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      // nothing listens any more either way
    }
  }
}
