package io.crosspatch.testbed;

/** A child that fails at start-up: prints its argument as the reason and exits with code 3. */
public final class FailingMain {

    static final int EXIT_CODE = 3;

    private FailingMain() {}

    public static void main(String[] args) {
        System.err.println("Fatal: " + args[0]);
        System.exit(EXIT_CODE);
    }
}
