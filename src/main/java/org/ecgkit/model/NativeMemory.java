package org.ecgkit.model;

import org.bytedeco.javacpp.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps ND4J's native garbage bounded during long loops of training or inference steps.
 * <p>
 * Arrays that DL4J creates outside its workspaces live in native memory and are freed only when the JVM collects
 * their small Java objects. A training step of the hybrid leaves tens of MB of them while the heap barely grows, so
 * the JVM rarely collects. JavaCPP forces a collection only above its {@code maxPhysicalBytes}, which defaults to 4 ×
 * the maximum heap: with the JVM's default heap (a quarter of the machine's memory) that is the whole machine, and a
 * CinC 2017 training run of the hybrid was killed by the kernel's OOM killer at 24 GB. Called after each step, {@link
 * #collectIfNeeded()} asks for a collection once the process holds more than half of the machine's memory (or
 * JavaCPP's own limit, where lower), at most once a second; the working set of a step stays far below that.
 */
public final class NativeMemory {

    private static final Logger LOG = LoggerFactory.getLogger(NativeMemory.class);
    private static final long MIN_NANOS_BETWEEN = 1_000_000_000L;
    private static final long LIMIT = limit();
    private static long lastCollection = System.nanoTime() - MIN_NANOS_BETWEEN;
    private static boolean logged;

    private NativeMemory() {
    }

    /** The resident size above which {@link #collectIfNeeded()} collects, in bytes. */
    public static long limit() {
        long half = Pointer.totalPhysicalBytes() / 2;
        long javacpp = Pointer.maxPhysicalBytes();
        return javacpp > 0 ? Math.min(half, javacpp) : half;
    }

    /** Collects garbage (and with it the native arrays it owns) when the process is over {@link #limit()}. */
    public static synchronized void collectIfNeeded() {
        long now = System.nanoTime();
        if (now - lastCollection < MIN_NANOS_BETWEEN || Pointer.physicalBytes() <= LIMIT) {
            return;
        }
        lastCollection = now;
        System.gc();
        if (!logged) {
            logged = true;
            LOG.info("native memory over {} MB: collected garbage, now {} MB resident (logged once)",
                    LIMIT >> 20, Pointer.physicalBytes() >> 20);
        }
    }
}
