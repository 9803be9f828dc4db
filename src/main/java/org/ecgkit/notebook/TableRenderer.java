package org.ecgkit.notebook;

import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.RenderFunction;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import tech.tablesaw.api.Table;

import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A Tablesaw table as an HTML table for a notebook: every row up to {@code maxRows} (pandas' rule and default, 60, so
 * that a findings or per-class table is never cut), else its first and last rows with the number of rows left out
 * between them; the same for the columns of very wide tables. The caption gives the table's name and full size. The
 * text form is Tablesaw's own {@link Table#print(int)} with the same row limit.
 */
final class TableRenderer implements RenderFunction<Table> {

    static final TableRenderer DEFAULT = new TableRenderer(60, 10, 5, 15, 5);

    private final int maxRows;
    private final int headRows;
    private final int tailRows;
    private final int headColumns;
    private final int tailColumns;

    TableRenderer(int maxRows, int headRows, int tailRows, int headColumns, int tailColumns) {
        this.maxRows = maxRows;
        this.headRows = headRows;
        this.tailRows = tailRows;
        this.headColumns = headColumns;
        this.tailColumns = tailColumns;
    }

    @Override
    public void render(Table table, RenderContext context) {
        context.renderIfRequested(MIMEType.TEXT_HTML, () -> html(table));
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> table.print(whole(table) ? maxRows : headRows + tailRows));
    }

    String html(Table table) {
        int[] rows = whole(table) ? IntStream.range(0, table.rowCount()).toArray()
                : shown(table.rowCount(), headRows, tailRows);
        int[] columns = shown(table.columnCount(), headColumns, tailColumns);
        StringBuilder html = new StringBuilder("<table class=\"ecgkit-table\">\n<caption>");
        if (table.name() != null && !table.name().isBlank()) {
            html.append(escape(table.name())).append(": ");
        }
        html.append(String.format(Locale.ROOT, "%,d rows × %,d columns", table.rowCount(), table.columnCount()))
                .append("</caption>\n<thead><tr><th></th>");
        for (int i = 0; i < columns.length; i++) {
            if (i > 0 && columns[i] != columns[i - 1] + 1) {
                html.append("<th>…</th>");
            }
            html.append("<th>").append(escape(table.column(columns[i]).name())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < rows.length; r++) {
            if (r > 0 && rows[r] != rows[r - 1] + 1) {
                int skipped = rows[r] - rows[r - 1] - 1;
                html.append("<tr><th>…</th><td colspan=\"").append(columns.length + (columns.length < table.columnCount() ? 1 : 0))
                        .append("\" style=\"text-align:center\">")
                        .append(String.format(Locale.ROOT, "%,d more rows", skipped))
                        .append("</td></tr>\n");
            }
            html.append("<tr><th>").append(rows[r]).append("</th>");
            for (int c = 0; c < columns.length; c++) {
                if (c > 0 && columns[c] != columns[c - 1] + 1) {
                    html.append("<td>…</td>");
                }
                html.append("<td>").append(escape(table.column(columns[c]).getString(rows[r]))).append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>").toString();
    }

    /** Whether every row is shown: up to {@code maxRows}. */
    private boolean whole(Table table) {
        return table.rowCount() <= maxRows;
    }

    /** Indices shown out of {@code count}: all, or the first {@code head} and last {@code tail}. */
    private static int[] shown(int count, int head, int tail) {
        if (count <= head + tail) {
            return IntStream.range(0, count).toArray();
        }
        return IntStream.concat(IntStream.range(0, head), IntStream.range(count - tail, count)).toArray();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
