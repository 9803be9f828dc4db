package org.ecgkit.notebook;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableRendererTest {

    private static DisplayData render(Table table) {
        Renderer renderer = new Renderer();
        EcgkitJupyter.registerRenderers(renderer);
        return renderer.render(table);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void shortTableShowsEveryRowAndColumn() {
        Table table = Table.create("records",
                StringColumn.create("record", "100", "101", "102"),
                DoubleColumn.create("hr", 72.5, 80.0, 64.25));

        DisplayData data = render(table);
        String html = (String) data.getData(MIMEType.TEXT_HTML);

        assertTrue(html.contains("<caption>records: 3 rows × 2 columns</caption>"), html);
        assertEquals(3, count(html, "<tr><th>\\d+</th>"));
        assertTrue(html.contains("<th>record</th><th>hr</th>"), html);
        assertTrue(html.contains("<td>102</td><td>64.25</td>"), html);
        assertFalse(html.contains("more rows"), html);
        assertEquals(table.print(60), data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void longTableShowsFirstTenAndLastFiveRows() {
        Table table = Table.create("beats", IntColumn.create("i", IntStream.range(0, 200).toArray()));

        String html = (String) render(table).getData(MIMEType.TEXT_HTML);

        assertTrue(html.contains("200 rows × 1 columns"), html);
        assertEquals(15, count(html, "<tr><th>\\d+</th>"));
        for (int shown : new int[] {0, 9, 195, 199}) {
            assertTrue(html.contains("<tr><th>" + shown + "</th><td>" + shown + "</td></tr>"), "row " + shown);
        }
        for (int hidden : new int[] {10, 100, 194}) {
            assertFalse(html.contains("<td>" + hidden + "</td>"), "row " + hidden);
        }
        assertTrue(html.contains("185 more rows"), html);
    }

    /** pandas' rule: every row up to 60; from 61 on, the first 10 and the last 5. */
    @ParameterizedTest
    @CsvSource({"60, 60, 0", "61, 15, 46"})
    void tablesUpToSixtyRowsAreShownWhole(int rows, int shown, int leftOut) {
        String html = (String) render(Table.create("t", IntColumn.create("i", IntStream.range(0, rows).toArray())))
                .getData(MIMEType.TEXT_HTML);

        assertEquals(shown, count(html, "<tr><th>\\d+</th>"));
        assertEquals(leftOut > 0, html.contains(leftOut + " more rows"), html);
        assertEquals(leftOut > 0, html.contains("more rows"), html);
    }

    @Test
    void wideTableShowsFirstAndLastColumns() {
        Table table = Table.create("wide");
        for (int c = 0; c < 40; c++) {
            table.addColumns(IntColumn.create("c" + c, new int[] {c}));
        }

        String html = (String) render(table).getData(MIMEType.TEXT_HTML);

        assertTrue(html.contains("1 rows × 40 columns"), html);
        assertTrue(html.contains("<th>c14</th><th>…</th><th>c35</th>"), html);
        assertFalse(html.contains("<th>c15</th>"), html);
        assertTrue(html.contains("<td>14</td><td>…</td><td>35</td>"), html);
    }

    @Test
    void markupInNamesAndValuesIsEscaped() {
        Table table = Table.create("<script>", StringColumn.create("a&b", "<b>\"x\"</b>"));

        String html = (String) render(table).getData(MIMEType.TEXT_HTML);

        assertFalse(html.contains("<script>") || html.contains("<b>"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertTrue(html.contains("<th>a&amp;b</th>"), html);
        assertTrue(html.contains("<td>&lt;b&gt;&quot;x&quot;&lt;/b&gt;</td>"), html);
    }

    @Test
    void unnamedEmptyTableStillRenders() {
        String html = (String) render(Table.create()).getData(MIMEType.TEXT_HTML);

        assertTrue(html.contains("<caption>0 rows × 0 columns</caption>"), html);
    }
}
