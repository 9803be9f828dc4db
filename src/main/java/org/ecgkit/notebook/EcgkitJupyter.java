package org.ecgkit.notebook;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.ecgkit.journal.DailyLog;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Makes notebooks show the kit's results: installed by any JJava-based kernel ("Java (ecgkit)", or JJava with the
 * kit's jar added by {@code %jars}/{@code %maven}) through {@code META-INF/services/org.dflib.jjava.jupyter.Extension}.
 * A Tablesaw {@link Table} shows as an HTML table (long tables as head and tail), an XChart chart as a PNG image,
 * a journal's {@link DailyLog} as Markdown, and the kit's packages are imported.
 */
public final class EcgkitJupyter implements Extension {

    /**
     * What every notebook imports: packages, static members (Tablesaw's {@code mean}, {@code max}, ...), or single classes where a whole package would bring clashing names.
     * Add a package here once it holds classes notebooks use: an on-demand import of a package that does not exist
     * fails.
     */
    static final List<String> IMPORTS = List.of(
            "tech.tablesaw.api.*",
            "static tech.tablesaw.aggregate.AggregateFunctions.*",
            "org.knowm.xchart.*",
            "org.knowm.xchart.style.*",
            "org.knowm.xchart.style.lines.SeriesLines",
            "org.knowm.xchart.style.markers.SeriesMarkers",
            "org.ecgkit.data.*",
            "org.ecgkit.data.cinc.*",
            "org.ecgkit.data.ptbxl.*",
            "org.ecgkit.data.window.*",
            "org.ecgkit.check.*",
            "org.ecgkit.synth.*",
            "org.ecgkit.signal.*",
            "org.ecgkit.plot.*",
            "org.ecgkit.eval.*",
            "org.ecgkit.model.*",
            "org.ecgkit.train.*",
            "org.ecgkit.journal.*");

    @Override
    public void install(BaseKernel kernel) {
        registerRenderers(kernel.getRenderer());
        kernel.eval(importStatements());
    }

    /** Registers the kit's renderers with a kernel's renderer; {@link #install} does this. */
    public static void registerRenderers(Renderer renderer) {
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register(TableRenderer.DEFAULT);
        renderer.createRegistration(Chart.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.TEXT_PLAIN)
                .register(ChartRenderer::render);
        renderer.createRegistration(DailyLog.class)
                .preferring(MIMEType.TEXT_MARKDOWN)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((log, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_MARKDOWN, log::markdown);
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, log::markdown);
                });
    }

    static String importStatements() {
        return IMPORTS.stream().map(p -> "import " + p + ";").collect(Collectors.joining("\n"));
    }
}
