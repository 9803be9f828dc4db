package org.ecgkit.kernel;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.request.InterruptRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Jupyter kernel for Java: cells are JShell snippets run in this JVM, so the value of a cell is the object itself
 * and is shown through the {@link Renderer} (images as PNG, anything an {@link Extension} registers, text otherwise).
 *
 * <p>The kernel answers {@code kernel_info} at once and prepares JShell in the background (creating it and compiling
 * the first snippet takes about a second); requests that need JShell wait for it.
 */
public final class JShellKernel extends BaseKernel {

    /** The imports of the {@code jshell} tool's default start-up, plus {@link NotebookFunctions} ({@code display}). */
    static final String DEFAULT_IMPORTS = String.join("\n",
            "import java.io.*;",
            "import java.math.*;",
            "import java.net.*;",
            "import java.nio.file.*;",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "import java.util.function.*;",
            "import java.util.prefs.*;",
            "import java.util.regex.*;",
            "import java.util.stream.*;",
            "import static " + NotebookFunctions.class.getName() + ".*;");

    private static final String STARTUP_CELL = "kernel start-up";
    private static final long OUTPUT_FLUSH_MILLIS = 100;
    private static final long STARTUP_POLL_MILLIS = 20;

    private final String classpath;
    private final Duration interruptGrace;
    private final KernelIO kernelIO;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final CountDownLatch shutdownRequested = new CountDownLatch(1);
    private final List<String> startupProblems = new ArrayList<>();
    private final ScheduledExecutorService outputFlusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "notebook-output");
        t.setDaemon(true);
        return t;
    });
    private final Object flushLock = new Object();

    private volatile CellEvaluator evaluator;
    private volatile CodeAssist assist;
    private volatile Thread startupThread;
    private volatile boolean interruptedWhileStarting;

    /**
     * @param classpath      what cells compile against; the same classes must be on this JVM's class path
     * @param interruptGrace how long an interrupted cell may take to end by itself before it is stopped forcibly
     */
    public JShellKernel(String classpath, Duration interruptGrace) {
        this(classpath, interruptGrace, new KernelIO());
    }

    private JShellKernel(String classpath, Duration interruptGrace, KernelIO io) {
        super("ecgkit-kernel",
                version(),
                new LanguageInfo.Builder("java")
                        .version(Runtime.version().toString())
                        .mimetype("text/x-java-source")
                        .fileExtension(".jshell")
                        .pygments("java")
                        .codemirror("text/x-java")
                        .build(),
                List.of(),
                null,
                io,
                new CommManager(),
                new Renderer(),
                null,
                null,
                true,
                new StringStyler.Builder().build());
        this.classpath = classpath;
        this.interruptGrace = interruptGrace;
        this.kernelIO = io;
    }

    private static String version() {
        String version = JShellKernel.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /** Starts preparing JShell and the extensions in the background; requests that need them wait. */
    @Override
    public void onStartup() {
        installNotebookKernel();
        Thread thread = new Thread(this::prepare, "kernel-startup");
        thread.setDaemon(true);
        startupThread = thread;
        thread.start();
    }

    private void prepare() {
        try {
            CellEvaluator cells = new CellEvaluator(classpath, interruptGrace);
            evaluator = cells;
            assist = new CodeAssist(cells.analysis());
            // the first compilation also loads javac, which is most of the start-up time
            cells.eval(DEFAULT_IMPORTS, STARTUP_CELL);
            installDefaultExtensions();
            ready.complete(null);
        } catch (Throwable e) {
            ready.completeExceptionally(e);
        }
    }

    /** Installs every {@link Extension} on the class path; one that fails is reported and the others still run. */
    @Override
    protected void installDefaultExtensions() {
        Iterator<Extension> extensions = ServiceLoader.load(Extension.class, getClassLoader()).iterator();
        while (true) {
            Extension extension = null;
            try {
                if (!extensions.hasNext()) {
                    return;
                }
                extension = extensions.next();
                installExtension(extension);
            } catch (ServiceConfigurationError | RuntimeException e) {
                String name = extension == null ? "an extension listed in META-INF/services" : extension.getClass().getName();
                reportStartupProblem("Extension " + name + " could not be installed: " + e.getMessage());
            }
        }
    }

    private void reportStartupProblem(String problem) {
        synchronized (startupProblems) {
            startupProblems.add(problem);
        }
        System.err.println(problem);
    }

    /** Start-up problems go to the first cell's stderr, where the user sees them; then they are forgotten. */
    private void showStartupProblems() {
        synchronized (startupProblems) {
            startupProblems.forEach(System.err::println);
            startupProblems.clear();
        }
    }

    private void awaitReady() throws CellError {
        try {
            ready.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            throw new CellError("KernelStartupError", "JShell could not be started: " + cause,
                    List.of("KernelStartupError: JShell could not be started: " + cause));
        }
    }

    /** Like {@link #awaitReady()}, but an interrupt request ends the wait (and leaves the start-up alone). */
    private void awaitReadyForCell() throws CellError {
        while (!ready.isDone()) {
            if (interruptedWhileStarting) {
                throw Tracebacks.interrupted(CellExecutionControl.Interruption.COOPERATIVE, interruptGrace.toMillis());
            }
            try {
                ready.get(STARTUP_POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException | InterruptedException e) {
                // checked again at the top, or reported by awaitReady
            }
        }
        awaitReady();
    }

    /**
     * Runs code as a cell would, without showing anything; extensions call it (through {@code kernel.eval}) to run
     * their imports.
     *
     * @throws IllegalStateException if the code does not compile or throws, with the error's text
     */
    @Override
    public Object evalRaw(String code) {
        try {
            if (Thread.currentThread() != startupThread) {
                awaitReady();
            }
            return evaluator.eval(code, STARTUP_CELL);
        } catch (CellError e) {
            throw new IllegalStateException(e.name() + ": " + e.value() + "\n" + String.join("\n", e.traceback()));
        }
    }

    /** A value as the notebook shows it: arrays listed (shortened), anything else through the {@link Renderer}. */
    public DisplayData render(Object value) {
        if (value.getClass().isArray()) {
            return new DisplayData(ArrayText.of(value));
        }
        try {
            return getRenderer().render(value);
        } catch (RuntimeException | LinkageError e) {
            System.err.println("Showing " + value.getClass().getName() + " as text: its renderer failed with " + e);
            return new DisplayData(String.valueOf(value));
        }
    }

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        boolean silent = request.isSilent();
        int count = silent || !request.shouldStoreHistory() ? executionCount.get() : executionCount.getAndIncrement();

        env.setBusyDeferIdle();
        interruptedWhileStarting = false;
        if (!silent) {
            env.publish(new PublishExecuteInput(request.getCode(), count));
        }
        replaceOutputStreams(env);
        if (!silent) {
            kernelIO.attach(env, request.isStdinEnabled());
        }
        ScheduledFuture<?> streaming = outputFlusher.scheduleWithFixedDelay(
                this::flushOutput, OUTPUT_FLUSH_MILLIS, OUTPUT_FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        try {
            awaitReadyForCell();
            showStartupProblems();
            Object value = evaluator.eval(request.getCode(), "cell [" + count + "]");
            DisplayData shown = value == null || silent ? null : render(value);
            endOutput(streaming, env);
            if (shown != null) {
                env.publish(new PublishExecuteResult(count, shown));
            }
            env.reply(new ExecuteReply(count, Map.of()));
        } catch (CellError e) {
            endOutput(streaming, env);
            replyError(env, count, e.name(), e.value(), e.traceback());
        } catch (RuntimeException | Error e) {
            // an Error escaping here would end JJava's shell loop, and with it the kernel
            endOutput(streaming, env);
            replyError(env, count, e.getClass().getSimpleName(), String.valueOf(e.getMessage()),
                    List.of("The kernel failed to run the cell: " + e));
        }
    }

    private void replyError(ShellReplyEnvironment env, int count, String name, String value, List<String> traceback) {
        env.publish(new PublishError(name, value, traceback));
        ErrorReply reply = new ErrorReply(name, value, traceback);
        reply.setExecutionCount(count);
        env.replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
    }

    /** Sends what the cell printed so far; runs every {@value #OUTPUT_FLUSH_MILLIS} ms while a cell runs. */
    private void flushOutput() {
        synchronized (flushLock) {
            io.out.flush();
            io.err.flush();
        }
    }

    /** Stops streaming, sends the rest of the cell's output, and detaches the streams before the reply goes out. */
    private void endOutput(ScheduledFuture<?> streaming, ShellReplyEnvironment env) {
        streaming.cancel(false);
        flushOutput();
        kernelIO.detach(env);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        return whenReady() ? assist.complete(code, at) : null;
    }

    @Override
    public String isComplete(String code) {
        return whenReady() ? assist.isComplete(code) : IS_COMPLETE_MAYBE;
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return whenReady() ? assist.inspect(code, at, extraDetail) : null;
    }

    private boolean whenReady() {
        try {
            awaitReady();
            return true;
        } catch (CellError e) {
            return false;
        }
    }

    /**
     * Interrupt request ({@code interrupt_mode: message}): the running cell's thread gets its interrupt flag set, and
     * is stopped if it is still running after the grace period.
     */
    @Override
    public void interrupt() {
        if (!ready.isDone()) {
            interruptedWhileStarting = true; // the start-up's own snippets are not the user's to stop
            return;
        }
        evaluator.interrupt();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        try {
            CellEvaluator cells = evaluator;
            if (cells != null) {
                cells.close();
            }
            outputFlusher.shutdownNow();
            super.onShutdown(isRestarting);
        } finally {
            shutdownRequested.countDown();
        }
    }

    /** As the base class, plus the {@code status} field that protocol 5 requires and JJava 1.0-a6 leaves out. */
    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> request) {
        env.setBusyDeferIdle();
        env.reply(new KernelInfo(Header.PROTOCOL_VERISON, name, version, getLanguageInfo(), getBanner(), getHelpLinks()));
    }

    private static final class KernelInfo extends KernelInfoReply {
        @SuppressWarnings("unused") // serialized
        private final String status = "ok";

        KernelInfo(String protocol, String name, String version, LanguageInfo language, String banner, List<HelpLink> links) {
            super(protocol, name, version, language, banner, links);
        }
    }

    @Override
    protected void handleInterruptRequest(ShellReplyEnvironment env, Message<InterruptRequest> request) {
        env.setBusyDeferIdle();
        interrupt();
        replyOk(env, MessageType.INTERRUPT_REPLY, Map.of());
    }

    @Override
    protected void handleShutdownRequest(ShellReplyEnvironment env, Message<ShutdownRequest> request) {
        env.setBusyDeferIdle();
        boolean restart = request.getContent().isRestart();
        onShutdown(restart);
        replyOk(env, MessageType.SHUTDOWN_REPLY, Map.of("restart", restart));
        env.resolveDeferrals();
        env.markForShutdown();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void replyOk(ShellReplyEnvironment env, MessageType<?> type, Map<String, Object> content) {
        Map<String, Object> withStatus = new java.util.LinkedHashMap<>(content);
        withStatus.put("status", "ok");
        env.reply(new Message(env.getContext(), type, withStatus));
    }

    /** Blocks until a shutdown request has been handled. */
    void awaitShutdownRequest() throws InterruptedException {
        shutdownRequested.await();
    }
}
