package org.ecgkit.notebook;

import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * An XChart chart as a PNG image, so that it is saved with the notebook and shows in headless runs (XChart's own
 * display opens a Swing window).
 */
final class ChartRenderer {

    private ChartRenderer() {
    }

    static void render(Chart<?, ?> chart, RenderContext context) {
        context.renderIfRequested(MIMEType.IMAGE_PNG, () -> png(chart));
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> describe(chart));
    }

    /** The chart as a base64 PNG, the form Jupyter's image/png output takes. */
    static String png(Chart<?, ?> chart) {
        try {
            return Base64.getEncoder().encodeToString(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode chart \"" + chart.getTitle() + "\" as PNG", e);
        }
    }

    static String describe(Chart<?, ?> chart) {
        String title = chart.getTitle() == null || chart.getTitle().isBlank() ? "" : " \"" + chart.getTitle() + "\"";
        return chart.getClass().getSimpleName() + title + " (" + chart.getWidth() + "×" + chart.getHeight() + " px)";
    }
}
