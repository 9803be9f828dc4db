package org.ecgkit.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ECG traces on simulated ECG paper: the clinical 12-lead page, a long single-lead strip, and every lead stacked.
 *
 * <pre>{@code
 * EcgPlot.twelveLead(record)                   // 3 x 4 leads of 2.5 s + a 10 s lead II rhythm strip
 * EcgPlot.strip(record, "II")                  // the whole lead, wrapped into rows of 10 s
 * EcgPlot.twelveLead(record, EcgPaper.STANDARD.withPixelsPerMm(8)).toPng(Path.of("ecg.png"))
 * }</pre>
 *
 * <p>Drawn directly with Java2D, not XChart: ECG paper is a few hundred grid lines, a calibration pulse per row and
 * traces at an exact millimetre scale, which XChart (one series per line, axes sized from label widths) can neither
 * draw quickly nor place at a guaranteed pixels-per-millimetre.
 */
public final class EcgPlot {

    /** Length of the clinical page and of a strip row. */
    public static final double PAGE_SECONDS = 10;
    /** The clinical page: four columns of 2.5 s, three leads each, read top to bottom. */
    static final List<List<String>> CLINICAL_COLUMNS = List.of(
            List.of("I", "II", "III"), List.of("aVR", "aVL", "aVF"),
            List.of("V1", "V2", "V3"), List.of("V4", "V5", "V6"));
    static final String RHYTHM_LEAD = "II";

    static final Color PAPER = new Color(0xFFF6F4);
    static final Color MINOR_LINE = new Color(0xF6C6C0);
    static final Color MAJOR_LINE = new Color(0xE58A80);
    static final Color INK = Color.BLACK;
    private static final double TRACE_WIDTH_MM = 0.3;
    private static final double LABEL_MM = 3.5;

    private EcgPlot() {
    }

    /** The clinical 12-lead page at {@link EcgPaper#STANDARD} scale. */
    public static Figure twelveLead(EcgRecord record) {
        return twelveLead(record, EcgPaper.STANDARD);
    }

    /**
     * The clinical 12-lead page: rows I/aVR/V1/V4, II/aVL/V2/V5, III/aVF/V3/V6 with each column showing its own 2.5 s
     * of the first 10 s, then a 10 s lead II rhythm strip. A shorter record shows what it has. Lead names are matched
     * ignoring case ({@code AVR} is aVR).
     */
    public static Figure twelveLead(EcgRecord record, EcgPaper paper) {
        List<String> missing = new ArrayList<>();
        for (String lead : EcgRecord.STANDARD_LEADS) {
            if (EcgRecord.indexIgnoringCase(record.leadNames(), lead) < 0) {
                missing.add(lead);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("record " + record.id() + " lacks leads " + missing
                    + " for the 12-lead layout; its leads are " + record.leadNames()
                    + " (use EcgPlot.allLeads or EcgPlot.strip instead)");
        }
        double columnSeconds = PAGE_SECONDS / CLINICAL_COLUMNS.size();
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < CLINICAL_COLUMNS.get(0).size(); r++) {
            List<Segment> segments = new ArrayList<>();
            for (int c = 0; c < CLINICAL_COLUMNS.size(); c++) {
                String lead = CLINICAL_COLUMNS.get(c).get(r);
                double from = c * columnSeconds;
                segment(record, lead, lead, from, from + columnSeconds, from).ifPresent(segments::add);
            }
            rows.add(new Row(segments));
        }
        String rhythmLabel = RHYTHM_LEAD + " (rhythm)";
        rows.add(new Row(segment(record, RHYTHM_LEAD, rhythmLabel, 0, PAGE_SECONDS, 0).stream().toList()));
        return render(record, "12-lead", PAGE_SECONDS, rows, paper);
    }

    /** Lead II as a long strip, or the only lead of a single-lead record. */
    public static Figure strip(EcgRecord record) {
        if (record.leads().length == 1) {
            return strip(record, record.leadNames().get(0));
        }
        if (EcgRecord.indexIgnoringCase(record.leadNames(), RHYTHM_LEAD) < 0) {
            throw new IllegalArgumentException("record " + record.id() + " has no lead II; name the lead to show,"
                    + " one of " + record.leadNames());
        }
        return strip(record, RHYTHM_LEAD);
    }

    /** One lead over the whole record, wrapped into rows of 10 s at {@link EcgPaper#STANDARD} scale. */
    public static Figure strip(EcgRecord record, String lead) {
        return strip(record, lead, PAGE_SECONDS, EcgPaper.STANDARD);
    }

    /** One lead over the whole record, wrapped into rows of {@code secondsPerRow}. */
    public static Figure strip(EcgRecord record, String lead, double secondsPerRow, EcgPaper paper) {
        if (!(secondsPerRow > 0)) {
            throw new IllegalArgumentException("secondsPerRow must be positive, got " + secondsPerRow);
        }
        String name = record.leadNames().get(record.leadIndex(lead));
        int rowCount = (int) Math.ceil(record.durationSeconds() / secondsPerRow - 1e-9);
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < rowCount; r++) {
            double from = r * secondsPerRow;
            String label = String.format(Locale.ROOT, "%s  %s s", name, formatNumber(from));
            rows.add(new Row(segment(record, name, label, from, from + secondsPerRow, 0).stream().toList()));
        }
        return render(record, "lead " + name, secondsPerRow, rows, paper);
    }

    /** Every lead in its own row over the first 10 s, for records that are not 12-lead (any number of leads). */
    public static Figure allLeads(EcgRecord record) {
        return allLeads(record, EcgPaper.STANDARD);
    }

    /** Every lead in its own row over the first 10 s. */
    public static Figure allLeads(EcgRecord record, EcgPaper paper) {
        List<Row> rows = new ArrayList<>();
        for (String lead : record.leadNames()) {
            rows.add(new Row(segment(record, lead, lead, 0, PAGE_SECONDS, 0).stream().toList()));
        }
        return render(record, record.leads().length + " leads", PAGE_SECONDS, rows, paper);
    }

    /**
     * A stretch of one lead drawn from {@code rowSeconds} on its row; the stretch includes the first sample of the next
     * stretch so that adjacent columns join without a gap. Empty when the record ends before {@code fromSeconds}.
     */
    private static Optional<Segment> segment(EcgRecord record, String lead, String label,
                                                       double fromSeconds, double toSeconds, double rowSeconds) {
        float[] samples = record.lead(lead);
        int from = (int) Math.round(fromSeconds * record.samplingRate());
        int to = (int) Math.min(samples.length - 1L, Math.round(toSeconds * record.samplingRate()));
        if (from >= samples.length) {
            return Optional.empty();
        }
        return Optional.of(new Segment(label, samples, from, Math.max(from, to), rowSeconds,
                record.samplingRate()));
    }

    /** Samples {@code from..to} (inclusive) of a lead, placed {@code rowSeconds} after the start of the row. */
    record Segment(String label, float[] samples, int from, int to, double rowSeconds, double samplingRate) {
    }

    record Row(List<Segment> segments) {
    }

    private static Figure render(EcgRecord record, String layout, double rowSeconds, List<Row> rows, EcgPaper paper) {
        double traceLeftMm = paper.calibrationWidthMm();
        double widthMm = traceLeftMm + rowSeconds * paper.mmPerSecond() + EcgPaper.MARGIN_MM;
        double heightMm = EcgPaper.HEADER_MM + rows.size() * paper.rowHeightMm() + EcgPaper.MARGIN_MM;
        String header = String.format(Locale.ROOT, "%s   %s   %s mm/s   %s mm/mV   %s Hz   %s s", record.id(), layout,
                formatNumber(paper.mmPerSecond()), formatNumber(paper.mmPerMillivolt()),
                formatNumber(record.samplingRate()), formatNumber(record.durationSeconds()));
        return new Figure((int) Math.round(paper.px(widthMm)), (int) Math.round(paper.px(heightMm)), g -> {
            drawGrid(g, paper, widthMm, heightMm);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(INK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(paper.px(LABEL_MM))));
            g.drawString(header, (float) paper.px(traceLeftMm), (float) paper.px(EcgPaper.HEADER_MM - 3));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(paper.px(LABEL_MM))));
            g.setStroke(new BasicStroke((float) Math.max(1, paper.px(TRACE_WIDTH_MM)), BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND));
            for (int r = 0; r < rows.size(); r++) {
                double rowTopMm = EcgPaper.HEADER_MM + r * paper.rowHeightMm();
                double baselineMm = rowTopMm + paper.rowHeightMm() / 2;
                drawCalibrationPulse(g, paper, baselineMm);
                for (Segment segment : rows.get(r).segments()) {
                    double leftMm = traceLeftMm + segment.rowSeconds() * paper.mmPerSecond();
                    drawTrace(g, paper, segment, leftMm, baselineMm);
                    g.drawString(segment.label(), (float) paper.px(leftMm + 1),
                            (float) paper.px(rowTopMm + LABEL_MM + 1));
                    if (segment.rowSeconds() > 0) {
                        drawColumnMarker(g, paper, leftMm, baselineMm);
                    }
                }
            }
        });
    }

    /** 1 mm minor and 5 mm major lines from the paper's top-left corner, one pixel wide and not antialiased. */
    private static void drawGrid(Graphics2D g, EcgPaper paper, double widthMm, double heightMm) {
        int width = (int) Math.round(paper.px(widthMm));
        int height = (int) Math.round(paper.px(heightMm));
        g.setColor(PAPER);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setStroke(new BasicStroke(1));
        int majorEvery = (int) Math.round(EcgPaper.MAJOR_MM / EcgPaper.MINOR_MM);
        for (boolean major : new boolean[] {false, true}) {
            g.setColor(major ? MAJOR_LINE : MINOR_LINE);
            for (int i = 0; i * EcgPaper.MINOR_MM <= widthMm; i++) {
                if ((i % majorEvery == 0) == major) {
                    int x = (int) Math.round(paper.px(i * EcgPaper.MINOR_MM));
                    g.drawLine(x, 0, x, height);
                }
            }
            for (int i = 0; i * EcgPaper.MINOR_MM <= heightMm; i++) {
                if ((i % majorEvery == 0) == major) {
                    int y = (int) Math.round(paper.px(i * EcgPaper.MINOR_MM));
                    g.drawLine(0, y, width, y);
                }
            }
        }
    }

    /** The standard 1 mV × 200 ms rectangle, with 1 mm of baseline either side, centred in the calibration area. */
    private static void drawCalibrationPulse(Graphics2D g, EcgPaper paper, double baselineMm) {
        double pulseMm = EcgPaper.CALIBRATION_SECONDS * paper.mmPerSecond();
        double startMm = (paper.calibrationWidthMm() - pulseMm) / 2 - 1;
        double topMm = baselineMm - EcgPaper.CALIBRATION_MV * paper.mmPerMillivolt();
        Path2D.Double pulse = new Path2D.Double();
        pulse.moveTo(paper.px(startMm), paper.px(baselineMm));
        pulse.lineTo(paper.px(startMm + 1), paper.px(baselineMm));
        pulse.lineTo(paper.px(startMm + 1), paper.px(topMm));
        pulse.lineTo(paper.px(startMm + 1 + pulseMm), paper.px(topMm));
        pulse.lineTo(paper.px(startMm + 1 + pulseMm), paper.px(baselineMm));
        pulse.lineTo(paper.px(startMm + 2 + pulseMm), paper.px(baselineMm));
        g.draw(pulse);
    }

    private static void drawTrace(Graphics2D g, EcgPaper paper, Segment segment, double leftMm, double baselineMm) {
        double mmPerSample = paper.mmPerSecond() / segment.samplingRate();
        Path2D.Double trace = new Path2D.Double(Path2D.WIND_NON_ZERO, segment.to() - segment.from() + 1);
        for (int i = segment.from(); i <= segment.to(); i++) {
            double x = paper.px(leftMm + (i - segment.from()) * mmPerSample);
            double y = paper.px(baselineMm - segment.samples()[i] * paper.mmPerMillivolt());
            if (i == segment.from()) {
                trace.moveTo(x, y);
            } else {
                trace.lineTo(x, y);
            }
        }
        g.draw(trace);
    }

    /** The short vertical bar printed where one column's leads give way to the next. */
    private static void drawColumnMarker(Graphics2D g, EcgPaper paper, double xMm, double baselineMm) {
        g.draw(new Line2D.Double(paper.px(xMm), paper.px(baselineMm - 3), paper.px(xMm), paper.px(baselineMm + 3)));
    }

    /** Shortest plain form to two decimals: 10 → "10", 2.5 → "2.5", 30.004 → "30". */
    static String formatNumber(double value) {
        return Axes.format(value, 0.01);
    }
}
