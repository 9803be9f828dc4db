package org.ecgkit.plot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EcgPlotTest {

    private static final double RATE = 250;

    /** One lead at 0 mV for the first {@code stepAt} seconds and 1 mV after. */
    private static EcgRecord step(double seconds, double stepAt) {
        float[] samples = new float[(int) (seconds * RATE)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = i / RATE < stepAt ? 0f : 1f;
        }
        return new EcgRecord("step", new float[][] {samples}, RATE, List.of("II"));
    }

    private static int px(EcgPaper paper, double mm) {
        return (int) Math.round(mm * paper.pixelsPerMm());
    }

    @Test
    void stripSizeFollowsThePaperScale() {
        // 10 s at 25 mm/s is 250 mm of trace, plus 10 mm for the calibration pulse and a 5 mm margin.
        Figure at4 = EcgPlot.strip(step(10, 5), "II", 10, EcgPaper.STANDARD);
        assertEquals(265 * 4, at4.getWidth());
        assertEquals((10 + 40 + 5) * 4, at4.getHeight());
        Figure at8 = EcgPlot.strip(step(10, 5), "II", 10, EcgPaper.STANDARD.withPixelsPerMm(8));
        assertEquals(265 * 8, at8.getWidth());
        // 34 s wrap into four rows of 10 s.
        assertEquals((10 + 4 * 40 + 5) * 4, EcgPlot.strip(step(34, 5)).getHeight());
        // At 50 mm/s the same 10 s take 500 mm and the calibration area grows to hold the 10 mm pulse.
        assertEquals((15 + 500 + 5) * 4, EcgPlot.strip(step(10, 5), "II", 10,
                EcgPaper.STANDARD.withMmPerSecond(50)).getWidth());
    }

    @Test
    void gridLinesFallEveryMillimetreWithEveryFifthMajor() {
        for (double ppm : new double[] {4, 5}) {
            EcgPaper paper = EcgPaper.STANDARD.withPixelsPerMm(ppm);
            Figure figure = EcgPlot.strip(step(10, 5), "II", 10, paper);
            double heightMm = figure.getHeight() / ppm;
            int y = px(paper, heightMm - 2.5); // halfway between two horizontal lines, below all traces
            int minor = EcgPlot.MINOR_LINE.getRGB() & 0xFFFFFF;
            int major = EcgPlot.MAJOR_LINE.getRGB() & 0xFFFFFF;
            List<Integer> lines = Pixels.columnsWhere(figure, y, c -> c == minor || c == major);
            List<Integer> majors = Pixels.columnsWhere(figure, y, c -> c == major);
            assertEquals(265, lines.size(), "one line per mm across 265 mm (the 265th lies on the right edge)");
            for (int i = 1; i < lines.size(); i++) {
                assertEquals(ppm, lines.get(i) - lines.get(i - 1), "minor pitch at " + ppm + " px/mm");
            }
            for (int i = 1; i < majors.size(); i++) {
                assertEquals(5 * ppm, majors.get(i) - majors.get(i - 1), "major pitch at " + ppm + " px/mm");
            }
            assertEquals(53, majors.size());
        }
    }

    @Test
    void oneMillivoltIsTenMillimetresAndTimeRunsAtTwentyFiveMillimetresPerSecond() {
        for (EcgPaper paper : List.of(EcgPaper.STANDARD,
                EcgPaper.STANDARD.withMmPerMillivolt(20).withRowHeightMm(60))) {
            Figure figure = EcgPlot.strip(step(10, 5), "II", 10, paper);
            double traceLeft = paper.calibrationWidthMm();
            int top = px(paper, 12); // below the header and the row label
            double low = Pixels.meanRow(figure, px(paper, traceLeft + 2.5 * 25), top, figure.getHeight(), Pixels::dark);
            double high = Pixels.meanRow(figure, px(paper, traceLeft + 7.5 * 25), top, figure.getHeight(),
                    Pixels::dark);
            assertEquals(paper.mmPerMillivolt() * paper.pixelsPerMm(), low - high, 1.0);

            // The step's vertical edge sits 5 s x 25 mm/s = 125 mm after the start of the trace.
            int edge = -1;
            for (int x = px(paper, traceLeft + 120); x < px(paper, traceLeft + 130); x++) {
                if (Pixels.rowsWhere(figure, x, top, figure.getHeight(), Pixels::dark).size()
                        > 0.8 * paper.mmPerMillivolt() * paper.pixelsPerMm()) {
                    edge = x;
                    break;
                }
            }
            assertEquals(px(paper, traceLeft + 125), edge, 1.5);
        }
    }

    @Test
    void calibrationPulseIsOneMillivoltTall() {
        EcgPaper paper = EcgPaper.STANDARD.withPixelsPerMm(5);
        Figure figure = EcgPlot.strip(step(10, 10), "II", 10, paper);
        int top = px(paper, 12);
        double baseline = Pixels.meanRow(figure, px(paper, paper.calibrationWidthMm() + 60), top, figure.getHeight(),
                Pixels::dark);
        double pulseTop = Pixels.meanRow(figure, px(paper, paper.calibrationWidthMm() / 2), top, figure.getHeight(),
                Pixels::dark);
        assertEquals(10 * 5, baseline - pulseTop, 1.0, "10 mm at 5 px/mm");
    }

    @Test
    void eachColumnOfTheTwelveLeadPageShowsItsOwnTwoAndAHalfSeconds() {
        // Every lead steps up by 0.5 mV every 2.5 s, so column c must sit c x 5 mm above its row's baseline.
        float[][] leads = new float[12][(int) (10 * RATE)];
        for (float[] lead : leads) {
            for (int i = 0; i < lead.length; i++) {
                lead[i] = 0.5f * (int) (i / RATE / 2.5);
            }
        }
        EcgPaper paper = EcgPaper.STANDARD;
        Figure figure = EcgPlot.twelveLead(EcgRecord.of("stairs", leads, RATE), paper);
        assertEquals(265 * 4, figure.getWidth());
        assertEquals((10 + 4 * 40 + 5) * 4, figure.getHeight());
        double baselineMm = 10 + 20; // first row: below the 10 mm header, centred in a 40 mm row
        for (int column = 0; column < 4; column++) {
            for (double intoColumnMm : new double[] {2, 31, 60.5}) { // the column is 2.5 s x 25 mm/s = 62.5 mm wide
                int x = px(paper, paper.calibrationWidthMm() + column * 62.5 + intoColumnMm);
                double row = Pixels.meanRow(figure, x, px(paper, baselineMm - 15), px(paper, baselineMm + 10),
                        Pixels::dark);
                assertEquals(px(paper, baselineMm - column * 5), row, 1.0, "column " + column + " + " + intoColumnMm);
            }
        }
        // The rhythm strip (fourth row) is lead II over all 10 s: its last quarter is at 1.5 mV too.
        double rhythm = Pixels.meanRow(figure, px(paper, paper.calibrationWidthMm() + 240),
                px(paper, 150 - 20), px(paper, 150 + 10), Pixels::dark);
        assertEquals(px(paper, 150 - 15), rhythm, 1.0);
    }

    @Test
    void shortRecordLeavesTheLaterColumnsEmpty() {
        EcgRecord record = TestEcg.twelveLead(3, 500, 70);
        Figure figure = EcgPlot.twelveLead(record);
        EcgPaper paper = EcgPaper.STANDARD;
        for (double mm : new double[] {paper.calibrationWidthMm() + 130, paper.calibrationWidthMm() + 240}) {
            assertTrue(Pixels.rowsWhere(figure, px(paper, mm), px(paper, 18), px(paper, 42), Pixels::dark).isEmpty(),
                    "nothing drawn after the record ends at " + mm + " mm");
        }
        assertFalse(Pixels.rowsWhere(figure, px(paper, paper.calibrationWidthMm() + 70), px(paper, 18),
                px(paper, 42), Pixels::dark).isEmpty(), "aVR's first 0.5 s are drawn");
    }

    @Test
    void twelveLeadNeedsTheTwelveStandardLeads() {
        var e = assertThrows(IllegalArgumentException.class, () -> EcgPlot.twelveLead(TestEcg.singleLead(10, 300, 60)));
        assertTrue(e.getMessage().contains("lacks leads [I, II, III, aVR"), e.getMessage());
        List<String> upper = new ArrayList<>();
        EcgRecord.STANDARD_LEADS.forEach(name -> upper.add(name.toUpperCase()));
        EcgRecord record = TestEcg.twelveLead(10, 100, 60);
        assertEquals(1060, EcgPlot.twelveLead(new EcgRecord("upper", record.leads(), 100, upper)).getWidth());
    }

    @Test
    void allLeadsGivesOneRowPerLead() {
        EcgRecord three = new EcgRecord("holter", java.util.Arrays.copyOf(TestEcg.twelveLead(10, 250, 60).leads(), 3),
                250, List.of("CM5", "CC5", "ML"));
        assertEquals((10 + 3 * 40 + 5) * 4, EcgPlot.allLeads(three).getHeight());
        var e = assertThrows(IllegalArgumentException.class, () -> EcgPlot.strip(three));
        assertTrue(e.getMessage().contains("no lead II"), e.getMessage());
    }

    @Test
    void exportsPngAndSvg(@TempDir Path dir) throws Exception {
        Figure figure = EcgPlot.twelveLead(TestEcg.twelveLead(10, 500, 75));
        BufferedImage png = ImageIO.read(figure.toPng(dir.resolve("ecg.png")).toFile());
        assertEquals(figure.getWidth(), png.getWidth());
        assertEquals(figure.getHeight(), png.getHeight());
        String svg = Files.readString(figure.toSvg(dir.resolve("out/ecg.svg")));
        assertTrue(svg.contains("<svg") && svg.contains("width=\"1060"), svg.substring(0, 300));
        assertTrue(svg.contains("aVR"), "lead labels are SVG text");
    }
}
