package org.ecgkit.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.util.UUID;

/**
 * Functions every cell can call without a prefix (the kernel imports them statically at start), named as in JJava so
 * that notebooks run unchanged on both kernels.
 */
public final class NotebookFunctions {

    private NotebookFunctions() {
    }

    /**
     * Shows a value in the cell's output now, rendered as the last expression of a cell would be (a table as HTML,
     * a chart or image as PNG, anything else as text).
     *
     * @return the display's id, for {@link #updateDisplay(String, Object)}
     */
    public static String display(Object value) {
        return publish(kernel().render(value));
    }

    /**
     * Shows a value as the given MIME types, e.g. {@code display(table, "text/plain")}.
     *
     * @return the display's id, for {@link #updateDisplay(String, Object)}
     */
    public static String display(Object value, String... mimeTypes) {
        return publish(kernel().getRenderer().renderAs(value, mimeTypes));
    }

    /** Replaces what an earlier {@link #display(Object)} showed, e.g. a progress chart redrawn every epoch. */
    public static void updateDisplay(String displayId, Object value) {
        kernel().getIO().display.updateDisplay(displayId, kernel().render(value));
    }

    private static String publish(DisplayData data) {
        if (!data.hasDisplayId()) {
            data.setDisplayId(UUID.randomUUID().toString());
        }
        kernel().display(data);
        return data.getDisplayId();
    }

    private static JShellKernel kernel() {
        try {
            return (JShellKernel) BaseKernel.notebookKernel();
        } catch (NullPointerException | ClassCastException e) {
            throw new IllegalStateException("display(...) works only in cells run by the \"Java (ecgkit)\" kernel", e);
        }
    }
}
