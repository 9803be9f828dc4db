package org.ecgkit.kernel;

import jdk.jshell.SourceCodeAnalysis;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Tab completion, {@code is_complete} and shift-tab documentation over JShell's source analysis.
 *
 * <p>Jupyter counts cursor positions in Unicode code points, Java strings in UTF-16 units; positions are converted
 * both ways so that a cell with an emoji in a string still completes at the right place.
 */
final class CodeAssist {

    private static final String INDENT = "    ";

    private final SourceCodeAnalysis analysis;

    CodeAssist(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    ReplacementOptions complete(String code, int cursorPos) {
        int cursor = code.offsetByCodePoints(0, Math.min(cursorPos, code.codePointCount(0, code.length())));
        int start = snippetStart(code, cursor);
        String snippet = code.substring(start, cursor);
        int[] anchor = new int[1];
        List<String> options = analysis.completionSuggestions(snippet, snippet.length(), anchor).stream()
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .collect(Collectors.toList());
        return new ReplacementOptions(options, code.codePointCount(0, start + anchor[0]), code.codePointCount(0, cursor));
    }

    /**
     * @return {@link BaseKernel#IS_COMPLETE_YES}, {@link BaseKernel#IS_COMPLETE_BAD}, or the indent for the next line
     * when the code stops inside a statement or block
     */
    String isComplete(String code) {
        String rest = code;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case EMPTY:
                    return BaseKernel.IS_COMPLETE_YES;
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return nextLineIndent(rest);
                case UNKNOWN:
                    return BaseKernel.IS_COMPLETE_BAD;
                default:
                    if (info.remaining().isBlank() || info.remaining().length() >= rest.length()) {
                        return BaseKernel.IS_COMPLETE_YES;
                    }
                    rest = info.remaining();
            }
        }
    }

    /** Signatures (and Javadoc where the JDK's sources are installed) of what the cursor is in; null if nothing. */
    DisplayData inspect(String code, int cursorPos, boolean detail) {
        int cursor = code.offsetByCodePoints(0, Math.min(cursorPos, code.codePointCount(0, code.length())));
        // JShell documents the call whose name ends at the cursor: shift-tab inside "Math.ma|x(1, 2)" means max(
        while (cursor < code.length() && Character.isJavaIdentifierPart(code.charAt(cursor))) {
            cursor++;
        }
        int paren = cursor;
        while (paren < code.length() && Character.isWhitespace(code.charAt(paren))) {
            paren++;
        }
        if (paren < code.length() && code.charAt(paren) == '(') {
            cursor = paren + 1;
        }
        int start = snippetStart(code, cursor);
        String text = analysis.documentation(code.substring(start), cursor - start, detail).stream()
                .map(doc -> doc.javadoc() == null || doc.javadoc().isBlank()
                        ? doc.signature()
                        : doc.signature() + "\n" + doc.javadoc())
                .distinct()
                .collect(Collectors.joining("\n\n"));
        return text.isEmpty() ? null : new DisplayData(text);
    }

    /** Where the snippet that contains {@code cursor} starts: cells hold many snippets, JShell analyses one. */
    private int snippetStart(String code, int cursor) {
        String prefix = code.substring(0, cursor);
        int start = 0;
        String rest = prefix;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (!info.completeness().isComplete() || info.remaining().isBlank()
                    || info.remaining().length() >= rest.length()) {
                return start;
            }
            start = prefix.length() - info.remaining().length();
            rest = info.remaining();
        }
    }

    private static String nextLineIndent(String code) {
        String lastLine = code.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
        String indent = lastLine.substring(0, lastLine.length() - lastLine.stripLeading().length());
        String end = lastLine.strip();
        return end.endsWith("{") || end.endsWith("(") ? indent + INDENT : indent;
    }
}
