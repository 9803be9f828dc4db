package org.ecgkit.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Starts the kernel: {@code java -cp <kernel, its libs and the user classpath> org.ecgkit.kernel.Main <connection file>}.
 *
 * <p>System property {@code ecgkit.kernel.interruptGraceMillis} (default 3000) sets how long an interrupted cell
 * may take to stop by itself before it is stopped forcibly.
 */
public final class Main {

    private static final long SHUTDOWN_WAIT_MILLIS = 2000;

    /** JJava's channel loops log every start and stop at INFO; the user's own logging keeps its settings. */
    private static final List<String> KERNEL_LOGGERS = List.of(
            "BaseKernel", "ShellChannel", "ControlChannel", "HeartbeatChannel", "StdinChannel", "IOPubChannel",
            "Loop-Shell-0", "Loop-Shell-1", "Loop-Heartbeat-0");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("Usage: java -cp <classpath> " + Main.class.getName() + " <connection file>");
            System.exit(2);
        }
        for (String logger : KERNEL_LOGGERS) {
            String property = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(property) == null) {
                System.setProperty(property, "warn");
            }
        }
        KernelConnectionProperties connection = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        JShellKernel kernel = new JShellKernel(System.getProperty("java.class.path"),
                Duration.ofMillis(Long.getLong("ecgkit.kernel.interruptGraceMillis", 3000)));

        JupyterConnection channels = new JupyterConnection(connection);
        kernel.becomeHandlerForConnection(channels);
        // channels first: JShell's preparation competes for the CPU, and kernel_info should not wait for it
        channels.connect();
        kernel.onStartup();

        Thread closing = new Thread(channels::waitUntilClose, "kernel-channels");
        closing.setDaemon(true);
        closing.start();
        kernel.awaitShutdownRequest();
        // the shutdown reply is sent after the request handler returns; the channels close after that
        closing.join(SHUTDOWN_WAIT_MILLIS);
        // threads a notebook started (training, ND4J workers) must not keep the process alive
        System.exit(0);
    }
}
