package org.ecgkit.kernel;

import java.util.List;

/**
 * Why a cell failed, in the terms of a Jupyter error message: {@code ename} (e.g. {@code IllegalArgumentException},
 * {@code CompileError}, {@code Interrupted}), {@code evalue} (the message) and the traceback lines a notebook shows.
 */
final class CellError extends Exception {

    private final String name;
    private final List<String> traceback;

    CellError(String name, String value, List<String> traceback) {
        super(value, null, false, false);
        this.name = name;
        this.traceback = List.copyOf(traceback);
    }

    String name() {
        return name;
    }

    String value() {
        return getMessage();
    }

    List<String> traceback() {
        return traceback;
    }
}
