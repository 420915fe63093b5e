package org.realitycheck.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * SameDiff prints "Added differentiated op ..." to {@code System.out}, which would corrupt the
 * command's own stdout that scripts parse. While library work runs, {@code System.out} is sent to
 * stderr with {@code --debug} and discarded otherwise. The CLI's own output goes through picocli's
 * writer, which holds the real stdout.
 */
final class LibraryOutput {
    private static volatile boolean debug;

    private LibraryOutput() {
    }

    static void setDebug(boolean d) {
        debug = d;
    }

    static <T> T quietly(Callable<T> work) throws Exception {
        PrintStream real = System.out;
        PrintStream sink = debug ? System.err : new PrintStream(OutputStream.nullOutputStream());
        System.setOut(sink);
        try {
            return work.call();
        } finally {
            System.setOut(real);
        }
    }
}
