package org.ecgkit.model.layers;

import org.nd4j.linalg.api.blas.Blas;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the two directions of a recurrent layer at the same time, one thread each, when ND4J may use two or more
 * threads. The operations of one time step are small ([64, 64] arrays): splitting each over threads costs more in
 * synchronisation than it gains, and on a loaded machine far more. So while both directions run, ND4J's and BLAS's
 * own threading is set to one thread (a process-wide setting, restored afterwards); the layer's bulk operations
 * before and after run with the configured threads.
 */
final class DirectionThreads {

    private static final ExecutorService SECOND_DIRECTION = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "ecgkit-recurrent-direction");
        thread.setDaemon(true);
        return thread;
    });

    private DirectionThreads() {
    }

    static void run(Runnable first, Runnable second) {
        Environment environment = Nd4j.getEnvironment();
        int threads = environment.maxThreads();
        int masterThreads = environment.maxMasterThreads();
        if (Math.min(threads, masterThreads) < 2) {
            first.run();
            second.run();
            return;
        }
        Blas blas = Nd4j.factory().blas();
        int blasThreads = blas.getMaxThreads();
        environment.setMaxThreads(1);
        environment.setMaxMasterThreads(1);
        blas.setMaxThreads(1);
        try {
            Future<?> other = SECOND_DIRECTION.submit(second);
            try {
                first.run();
            } finally {
                awaitUninterruptibly(other);
            }
        } finally {
            environment.setMaxThreads(threads);
            environment.setMaxMasterThreads(masterThreads);
            blas.setMaxThreads(blasThreads);
        }
    }

    /** Waits for the other direction even when interrupted (it writes into arrays the caller owns), keeping the flag. */
    private static void awaitUninterruptibly(Future<?> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    task.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
