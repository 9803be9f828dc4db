package org.ecgkit.kernel;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Evaluates notebook cells with JShell in this JVM: splits a cell into snippets, runs them in order, stops at the
 * first error and returns the value of the cell's last expression as the object itself.
 */
final class CellEvaluator implements AutoCloseable {

    /** Snippets whose value a notebook shows: an expression, a variable name or a method call with a result. */
    private static final Set<Snippet.SubKind> VALUE_KINDS = EnumSet.of(
            Snippet.SubKind.VAR_VALUE_SUBKIND,
            Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND,
            Snippet.SubKind.OTHER_EXPRESSION_SUBKIND);

    private record Piece(String source, int firstLine) {
    }

    private final Duration interruptGrace;
    private final CellExecutionControl control;
    private final JShell shell;
    private final Map<String, Tracebacks.SnippetOrigin> origins = new ConcurrentHashMap<>();
    private final Tracebacks tracebacks = new Tracebacks(origins);

    /**
     * @param classpath      what cell code compiles against, {@link java.io.File#pathSeparator}-separated; the same
     *                       classes must be loadable by this JVM's class loader, so that cell objects are instances of
     *                       the classes the kernel and its extensions see
     * @param interruptGrace how long an interrupted cell may take to end by itself before it is stopped forcibly
     */
    CellEvaluator(String classpath, Duration interruptGrace) {
        this.interruptGrace = interruptGrace;
        this.control = new CellExecutionControl(interruptGrace);
        this.shell = JShell.builder().executionEngine(new ExecutionControlProvider() {
            @Override
            public String name() {
                return "notebook-cell";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        }, Map.of()).build();
        if (!classpath.isBlank()) {
            shell.addToClasspath(classpath);
        }
    }

    SourceCodeAnalysis analysis() {
        return shell.sourceCodeAnalysis();
    }

    /**
     * Runs a cell.
     *
     * @param code the cell's source
     * @param cell how error messages name this cell, e.g. {@code cell [3]}
     * @return the value of the cell's last snippet if that is an expression, else null
     * @throws CellError a compile error, an exception thrown by the code, or an interrupt
     */
    Object eval(String code, String cell) throws CellError {
        if (control.isCellThread()) {
            throw new IllegalStateException("JShell cannot evaluate code from inside a running cell");
        }
        control.beginCell(); // before parsing: the first parse loads javac, and an interrupt may come meanwhile
        try {
            List<Piece> pieces = split(code);
            Object value = null;
            for (int i = 0; i < pieces.size(); i++) {
                value = evalPiece(pieces.get(i), cell, i == pieces.size() - 1);
            }
            return value;
        } finally {
            control.endCell();
        }
    }

    /** Asks the running cell to stop; see {@link CellExecutionControl#interrupt()}. */
    void interrupt() {
        control.interrupt();
    }

    private List<Piece> split(String code) throws CellError {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        List<Piece> pieces = new ArrayList<>();
        String rest = code;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            int offset = code.length() - rest.length();
            int line = lineAt(code, offset);
            switch (info.completeness()) {
                case EMPTY:
                    return pieces;
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    throw Tracebacks.incomplete(line + lineAt(rest, rest.length() - rest.stripLeading().length()) - 1);
                default:
                    // COMPLETE, COMPLETE_WITH_SEMI and UNKNOWN (broken code: compiling it gives the diagnostics)
                    boolean stuck = info.remaining().length() >= rest.length();
                    String source = stuck ? rest : info.source();
                    // JShell numbers a snippet's lines from its first non-blank character
                    String trimmed = source.stripLeading();
                    pieces.add(new Piece(trimmed, line + lineAt(source, source.length() - trimmed.length()) - 1));
                    if (stuck) {
                        return pieces;
                    }
                    rest = info.remaining();
            }
        }
    }

    private static int lineAt(String code, int offset) {
        return 1 + (int) code.substring(0, offset).chars().filter(c -> c == '\n').count();
    }

    private Object evalPiece(Piece piece, String cell, boolean last) throws CellError {
        throwIfInterrupted();
        Object value = null;
        for (SnippetEvent event : shell.eval(piece.source())) {
            if (event.causeSnippet() != null) {
                continue; // a dependent snippet re-checked because of this one
            }
            Snippet snippet = event.snippet();
            origins.put(snippet.id(), new Tracebacks.SnippetOrigin(cell, piece.firstLine()));
            if (event.status() == Snippet.Status.REJECTED) {
                List<Diag> errors = shell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
                throw Tracebacks.compileError(piece.source(), piece.firstLine(), errors);
            }
            throwIfInterrupted();
            if (event.exception() != null) {
                throw describe(event.exception(), cell);
            }
            if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                DeclarationSnippet declaration = (DeclarationSnippet) snippet;
                System.err.println("note: " + declaration.name() + " can be used once these are declared: "
                        + shell.unresolvedDependencies(declaration).collect(Collectors.joining(", ")));
            }
            Object result = control.takeResult(event.value());
            if (last && VALUE_KINDS.contains(snippet.subKind())) {
                value = result;
            }
        }
        return value;
    }

    private void throwIfInterrupted() throws CellError {
        CellExecutionControl.Interruption how = control.interruption();
        if (how != CellExecutionControl.Interruption.NONE) {
            throw Tracebacks.interrupted(how, interruptGrace.toMillis());
        }
    }

    private CellError describe(JShellException e, String cell) {
        if (e instanceof UnresolvedReferenceException unresolved) {
            DeclarationSnippet snippet = unresolved.getSnippet();
            return tracebacks.unresolved(snippet.name(), shell.unresolvedDependencies(snippet).collect(Collectors.toList()));
        }
        return tracebacks.exception((EvalException) e, cell);
    }

    @Override
    public void close() {
        shell.close();
    }
}
