package org.ecgkit.plot;

import org.ecgkit.signal.AmplitudeSpectrum;
import org.ecgkit.signal.Detrend;
import org.ecgkit.signal.Scaling;
import org.ecgkit.signal.Spectrogram;
import org.ecgkit.signal.Stft;
import org.ecgkit.signal.Window;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerspectivesTest {

    private static float[] fixtureWaveform() {
        double[] values = Pixels.fixtureColumn("waveform.csv", 0);
        float[] samples = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            samples[i] = (float) values[i];
        }
        return samples;
    }

    /** The STFT the figure draws by default: periodic Hann, half overlap, no detrending, PSD. */
    private static Spectrogram halfOverlapHann(int window, boolean decibels) {
        return Stft.builder().window(Window.hann()).segment(window).overlap(window / 2).detrend(Detrend.NONE)
                .scaling(Scaling.DENSITY).decibels(decibels).build().apply(new float[][] {fixtureWaveform()}, 250);
    }

    @Test
    void amplitudeSpectrumMatchesNumpy() {
        AmplitudeSpectrum spectrum = AmplitudeSpectrum.of(fixtureWaveform(), 250);
        assertArrayEquals(Pixels.fixtureColumn("fft_amplitude.csv", 0), spectrum.frequencies(), 1e-9);
        double[] expected = Pixels.fixtureColumn("fft_amplitude.csv", 1);
        assertArrayEquals(expected, spectrum.amplitude(), 1e-6);
        assertEquals(1.0, spectrum.amplitude()[20], 0.02, "a 1 mV sine at 5 Hz peaks at 1 mV");
    }

    @Test
    void powerSpectrogramMatchesScipy() {
        Spectrogram spectrogram = halfOverlapHann(128, false);
        assertArrayEquals(Pixels.fixtureColumn("spectrogram_frequencies.csv", 0), spectrogram.frequencies(), 1e-9);
        assertArrayEquals(Pixels.fixtureColumn("spectrogram_times.csv", 0), spectrogram.times(), 1e-9);
        double[][] expected = Pixels.fixture("spectrogram_psd.csv");
        assertEquals(expected.length, spectrogram.values()[0].length);
        for (int f = 0; f < expected.length; f++) {
            for (int t = 0; t < expected[f].length; t++) {
                assertEquals(expected[f][t], spectrogram.values()[0][f][t], 1e-6 + 1e-5 * expected[f][t],
                        "bin " + f + ", frame " + t);
            }
        }
        Spectrogram db = halfOverlapHann(128, true);
        assertEquals(10 * Math.log10(expected[3][2]), db.values()[0][3][2], 1e-4);
    }

    @Test
    void defaultWindowIsAboutHalfASecond() {
        assertEquals(256, Perspectives.defaultWindowLength(500, 5000));
        assertEquals(128, Perspectives.defaultWindowLength(300, 9000));
        assertEquals(64, Perspectives.defaultWindowLength(100, 1000));
        assertEquals(32, Perspectives.defaultWindowLength(500, 40), "never longer than the signal");
    }

    @Test
    void waveformAndSpectrogramShareTheTimeAxis() {
        // Silence with a 2 mV, 20 Hz burst from 4 s to 6 s: the burst must sit at the same pixels in both panels.
        double rate = 250;
        float[] samples = new float[(int) (10 * rate)];
        for (int i = (int) (4 * rate); i < 6 * rate; i++) {
            samples[i] = (float) (2 * Math.sin(2 * Math.PI * 20 * i / rate));
        }
        EcgRecord record = new EcgRecord("burst", new float[][] {samples}, rate, List.of("II"));
        Figure figure = Perspectives.of(record, "II");

        int firstYellowRow = -1;
        int yellowLeft = Integer.MAX_VALUE;
        int yellowRight = -1;
        for (int y = 0; y < figure.getHeight() && yellowRight < 0; y++) {
            List<Integer> yellow = Pixels.columnsWhere(figure, y, PerspectivesTest::brightYellow);
            if (yellow.size() > 30) { // a heatmap row through the burst, not the colour bar
                firstYellowRow = y;
                yellowLeft = yellow.get(0);
                yellowRight = yellow.get(yellow.size() - 1);
            }
        }
        assertTrue(firstYellowRow > 0, "the burst shows in the spectrogram");
        int spectrogramTop = 0;
        while (Pixels.columnsWhere(figure, spectrogramTop, c -> c == Viridis.rgb(0)).size() < 100) {
            spectrogramTop++; // the silent part of the spectrogram is the darkest colour
        }
        // In the waveform (above the spectrogram) the burst's columns are ink from top to bottom of the trace.
        int waveLeft = Integer.MAX_VALUE;
        int waveRight = -1;
        for (int x = 0; x < figure.getWidth(); x++) {
            if (Pixels.rowsWhere(figure, x, 0, spectrogramTop, PerspectivesTest::traceInk).size() > 40) {
                waveLeft = Math.min(waveLeft, x);
                waveRight = Math.max(waveRight, x);
            }
        }
        double pixelsPerSecond = (waveRight - waveLeft) / 2.0;
        assertEquals(72, pixelsPerSecond, 2, "2 s of burst on a 720 px, 10 s axis");
        // The spectrogram smears the burst by up to one window (0.512 s at 250 Hz) on either side.
        double window = 128 / rate * pixelsPerSecond;
        assertTrue(Math.abs(yellowLeft - waveLeft) < window, yellowLeft + " vs " + waveLeft);
        assertTrue(Math.abs(yellowRight - waveRight) < window, yellowRight + " vs " + waveRight);
        assertEquals((waveLeft + waveRight) / 2.0, (yellowLeft + yellowRight) / 2.0, 3, "same centre in time");
    }

    private static boolean brightYellow(int rgb) {
        return ((rgb >> 16) & 0xFF) > 180 && ((rgb >> 8) & 0xFF) > 200 && (rgb & 0xFF) < 100;
    }

    private static boolean traceInk(int rgb) {
        return (rgb & 0xFF) > 80 && ((rgb >> 16) & 0xFF) < 100 && ((rgb >> 8) & 0xFF) < 120;
    }

    @Test
    void givenSpectrogramMustMatchTheRecordsLeads() {
        EcgRecord record = TestEcg.twelveLead(10, 100, 60);
        Spectrogram own = Stft.builder().window(Window.hann()).segment(64).overlap(32).decibels(true).build()
                .apply(new float[][] {record.lead("V1")}, 100);
        Spectrogram three = new Spectrogram(new float[][][] {own.values()[0], own.values()[0], own.values()[0]},
                own.frequencies(), own.times(), true);
        var e = assertThrows(IllegalArgumentException.class, () -> Perspectives.of(record, "V1", three));
        assertTrue(e.getMessage().contains("12 leads but the spectrogram has 3"), e.getMessage());
        assertTrue(Perspectives.of(record, "V1", own).getWidth() > 800);
    }
}
