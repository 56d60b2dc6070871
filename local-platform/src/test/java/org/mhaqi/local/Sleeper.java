package org.mhaqi.local;

/** A stand-in program for process tests: says it is ready, then waits to be stopped. */
public final class Sleeper {

  private Sleeper() {}

  public static void main(String[] args) throws InterruptedException {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("SLEEPER_STOPPED")));
    if (args.length > 0 && args[0].equals("fail")) {
      System.out.println("SLEEPER_FAILING");
      System.exit(3);
    }
    System.out.println("SLEEPER_READY");
    Thread.sleep(120_000);
  }
}
