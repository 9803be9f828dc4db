package org.ecgkit.kernel;

import jdk.jshell.execution.DirectExecutionControl;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs JShell snippets in this JVM on one long-lived cell thread, keeps each result as the object itself
 * (JShell's own local engine turns results into strings) and stops a running cell on request.
 *
 * <p>One long-lived thread rather than a thread per snippet, because libraries such as ND4J keep per-thread
 * state (workspaces, native buffers) that should survive from one cell to the next.
 *
 * <p>Stopping is two-step: {@link #interrupt()} sets the cell thread's interrupt flag, so that code which polls
 * {@code Thread.currentThread().isInterrupted()} (a training loop between batches) or blocks in
 * {@code sleep}/{@code wait}/{@code join} ends by itself; code that ignores the flag is stopped with
 * {@link Thread#stop()} after a grace period, or at once on a second interrupt request.
 */
final class CellExecutionControl extends DirectExecutionControl {

    /** How a cell ended after an interrupt request, if one came. */
    enum Interruption { NONE, COOPERATIVE, FORCED }

    private static final String CELL_THREAD_NAME = "notebook-cell";

    private final Duration grace;
    private final ExecutorService cellThread;
    private final ScheduledExecutorService watchdog;
    private final Map<String, Object> results = new ConcurrentHashMap<>();
    private final AtomicLong resultKeys = new AtomicLong();
    private final AtomicLong cellNumber = new AtomicLong();

    private volatile Thread running;
    private volatile boolean cellActive;
    private volatile Interruption interruption = Interruption.NONE;

    CellExecutionControl(Duration grace) {
        this.grace = grace;
        this.cellThread = Executors.newSingleThreadExecutor(r -> daemon(r, CELL_THREAD_NAME));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "cell-interrupt-watchdog"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Marks the start of a cell: interrupt requests from now on apply to it. */
    void beginCell() {
        cellNumber.incrementAndGet();
        interruption = Interruption.NONE;
        cellActive = true;
    }

    /** Marks the end of a cell and drops the results nobody took. */
    void endCell() {
        cellActive = false;
        results.clear();
    }

    boolean isCellThread() {
        return Thread.currentThread() == running;
    }

    Interruption interruption() {
        return interruption;
    }

    /** The object a snippet evaluated to, by the key JShell reported as the snippet's value. */
    Object takeResult(String key) {
        return key == null ? null : results.remove(key);
    }

    /**
     * Asks the running cell to stop: sets its thread's interrupt flag and, if the cell is still running after the
     * grace period, stops the thread. A second request while the first is pending stops it at once.
     */
    void interrupt() {
        if (!cellActive) {
            return;
        }
        long cell = cellNumber.get();
        if (interruption != Interruption.NONE) {
            forceStop(cell);
            return;
        }
        interruption = Interruption.COOPERATIVE;
        Thread thread = running;
        if (thread != null) {
            thread.interrupt();
        }
        watchdog.schedule(() -> forceStop(cell), grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    @SuppressWarnings({"removal", "deprecation"})
    private void forceStop(long cell) {
        Thread thread = running;
        if (cell != cellNumber.get() || !cellActive || thread == null) {
            return;
        }
        interruption = Interruption.FORCED;
        try {
            // Thread.stop is the only way to end code that never checks for interrupts; JDK 20+ removed it.
            thread.stop();
        } catch (UnsupportedOperationException e) {
            System.err.println("This JVM cannot stop a thread that ignores interrupts; restart the kernel to end the cell.");
        }
    }

    /** JShell calls this for every executable snippet; the returned string is the key to the result object. */
    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Object value = invokeOnCellThread(doitMethod);
        String key = "result#" + resultKeys.incrementAndGet();
        if (value != null) {
            results.put(key, value);
        }
        return key;
    }

    private Object invokeOnCellThread(Method doitMethod) throws Exception {
        Future<Object> task = cellThread.submit(() -> {
            running = Thread.currentThread();
            try {
                if (interruption != Interruption.NONE) {
                    throw new InvocationTargetException(new InterruptedException("cell interrupted"));
                }
                return doitMethod.invoke(null);
            } finally {
                running = null;
            }
        });
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvocationTargetException && cause.getCause() instanceof ThreadDeath
                    || cause instanceof ThreadDeath) {
                throw new StoppedException();
            }
            // the superclass turns the snippet's own exception into JShell's EvalException
            throw cause instanceof Exception ? (Exception) cause : new InvocationTargetException(cause);
        }
    }

    @Override
    public void stop() {
        interrupt();
    }

    @Override
    public void close() {
        long cell = cellNumber.get();
        interruption = Interruption.FORCED;
        forceStop(cell);
        cellThread.shutdownNow();
        watchdog.shutdownNow();
        super.close();
    }
}
