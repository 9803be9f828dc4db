package org.ecgkit.kernel;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns compile errors, exceptions and interrupts into {@link CellError}s whose tracebacks point at lines of the
 * notebook's cells instead of JShell's snippet numbers, and keep library stack frames short.
 */
final class Tracebacks {

    /** Where a snippet's source sits: the cell it came from and the cell line its first character is on. */
    record SnippetOrigin(String cell, int firstLine) {
    }

    static final String COMPILE_ERROR = "CompileError";
    static final String INTERRUPTED = "Interrupted";

    /** Library frames shown in a row before the rest of the row is summarised. */
    private static final int LIBRARY_FRAMES_SHOWN = 5;

    private final Map<String, SnippetOrigin> origins;

    Tracebacks(Map<String, SnippetOrigin> origins) {
        this.origins = origins;
    }

    static CellError compileError(String source, int firstLine, List<Diag> errors) {
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diag diag : errors) {
            int position = (int) Math.max(0, Math.min(diag.getStartPosition(), source.length()));
            int end = (int) Math.max(position, Math.min(diag.getEndPosition(), source.length()));
            int lineStart = source.lastIndexOf('\n', position - 1) + 1;
            int lineEnd = source.indexOf('\n', position);
            lineEnd = lineEnd < 0 ? source.length() : lineEnd;
            int line = firstLine + (int) source.substring(0, lineStart).chars().filter(c -> c == '\n').count();
            String message = cleanMessage(diag.getMessage(null));
            if (first == null) {
                first = message.lines().findFirst().orElse(message) + " (line " + line + ")";
            }
            lines.add("Compile error in line " + line + ": " + message.lines().findFirst().orElse(""));
            message.lines().skip(1).forEach(detail -> lines.add("  " + detail.strip()));
            lines.add("    " + source.substring(lineStart, lineEnd));
            int markerEnd = Math.min(Math.max(end, position + 1), lineEnd);
            lines.add("    " + " ".repeat(position - lineStart) + "^".repeat(Math.max(1, markerEnd - position)));
        }
        return new CellError(COMPILE_ERROR, first == null ? "the code does not compile" : first, lines);
    }

    /** JShell's wrapper class has no name, so javac reports "location: class " with nothing after it. */
    private static String cleanMessage(String message) {
        return message.lines()
                .filter(l -> !l.strip().equals("location: class"))
                .reduce((a, b) -> a + "\n" + b)
                .orElse(message);
    }

    static CellError incomplete(int line) {
        String message = "the cell ends inside an unfinished statement that starts in line " + line;
        return new CellError(COMPILE_ERROR, message, List.of("Incomplete code: " + message
                + " (a missing closing bracket, quote or semicolon?)"));
    }

    static CellError interrupted(CellExecutionControl.Interruption how, long graceMillis) {
        String message = how == CellExecutionControl.Interruption.FORCED
                ? "the cell ignored the interrupt for " + graceMillis + " ms and was stopped forcibly;"
                + " objects it was changing may be left half-updated"
                : "the cell stopped after the interrupt request";
        return new CellError(INTERRUPTED, message, List.of("Interrupted: " + message));
    }

    /** An exception thrown by cell code; {@code cell} is the cell being run, whose lines need no cell label. */
    CellError exception(EvalException e, String cell) {
        String className = e.getExceptionClassName();
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        List<String> lines = new ArrayList<>();
        appendThrowable(lines, e, null, cell);
        return new CellError(simpleName, e.getMessage() == null ? "" : e.getMessage(), lines);
    }

    CellError unresolved(String what, List<String> missing) {
        String message = what + " cannot be used until " + String.join(", ", missing) + " is declared";
        return new CellError("UnresolvedReference", message, List.of("UnresolvedReference: " + message));
    }

    private void appendThrowable(List<String> lines, JShellException e, StackTraceElement[] enclosing, String cell) {
        String className = e instanceof EvalException ? ((EvalException) e).getExceptionClassName() : e.getClass().getName();
        String headline = e.getMessage() == null ? className : className + ": " + e.getMessage();
        lines.add(enclosing == null ? headline : "Caused by: " + headline);

        StackTraceElement[] frames = e.getStackTrace();
        int shown = frames.length - framesInCommon(frames, enclosing);
        int libraryRun = 0;
        for (int i = 0; i < shown; i++) {
            StackTraceElement frame = frames[i];
            if (isSnippetFrame(frame)) {
                libraryRun = 0;
                lines.add("    at " + describeSnippetFrame(frame, cell));
                continue;
            }
            libraryRun++;
            if (libraryRun <= LIBRARY_FRAMES_SHOWN) {
                lines.add("    at " + frame);
            } else if (i + 1 == shown || isSnippetFrame(frames[i + 1])) {
                lines.add("    ... " + (libraryRun - LIBRARY_FRAMES_SHOWN) + " more library frames");
            }
        }
        if (shown < frames.length) {
            lines.add("    ... " + (frames.length - shown) + " more");
        }
        if (e.getCause() instanceof JShellException cause) {
            appendThrowable(lines, cause, frames, cell);
        }
    }

    private static int framesInCommon(StackTraceElement[] frames, StackTraceElement[] enclosing) {
        if (enclosing == null) {
            return 0;
        }
        int common = 0;
        for (int i = frames.length - 1, j = enclosing.length - 1; i >= 0 && j >= 0 && frames[i].equals(enclosing[j]); i--, j--) {
            common++;
        }
        return common;
    }

    /** JShell names the source of snippet code "#" plus the snippet id. */
    private static boolean isSnippetFrame(StackTraceElement frame) {
        return frame.getFileName() != null && frame.getFileName().startsWith("#");
    }

    private String describeSnippetFrame(StackTraceElement frame, String cell) {
        SnippetOrigin origin = origins.get(frame.getFileName().substring(1));
        String where;
        if (origin == null) {
            where = "snippet " + frame.getFileName() + ", line " + frame.getLineNumber();
        } else {
            int line = origin.firstLine() + frame.getLineNumber() - 1;
            where = origin.cell().equals(cell) ? "line " + line : origin.cell() + ", line " + line;
        }
        String method = frame.getMethodName();
        if (method.isEmpty()) {
            return where; // top-level code of a cell
        }
        if (method.startsWith("lambda$")) {
            method = "lambda";
        }
        String owner = frame.getClassName().isEmpty() ? "" : frame.getClassName() + ".";
        return owner + method + " (" + where + ")";
    }
}
