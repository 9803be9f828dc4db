package org.ecgkit.plot;

import org.ecgkit.signal.Spectrogram;
import org.ecgkit.signal.Stft;
import org.ecgkit.signal.Window;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/**
 * Render timings of the plot package, printed as a table; run by {@code bench/plot_render.sh} next to the matplotlib
 * peer. Each figure is timed once cold (first use in this JVM: class loading, font set-up) and then as the median of
 * warm repetitions, both for the raster alone and for raster plus PNG encoding (what a notebook does to show it).
 */
public final class PlotBenchmark {

    private static final int REPETITIONS = 15;

    private PlotBenchmark() {
    }

    public static void main(String[] args) {
        EcgRecord at500 = TestEcg.twelveLead(10, 500, 72);
        EcgRecord at100 = TestEcg.twelveLead(10, 100, 72);
        Spectrogram large = twelveLeadSpectrogram(at500, 256);
        Spectrogram small = twelveLeadSpectrogram(at100, 64);
        EcgRecord cinc = TestEcg.singleLead(60, 300, 80);
        System.out.printf(Locale.ROOT, "%-44s %10s %10s %12s%n", "figure", "cold ms", "warm ms", "warm+png ms");
        time(String.format(Locale.ROOT, "spectrogram grid 12 x %d x %d", large.frequencies().length,
                large.times().length), () -> SpectrogramPlot.grid(large));
        time(String.format(Locale.ROOT, "spectrogram grid 12 x %d x %d", small.frequencies().length,
                small.times().length), () -> SpectrogramPlot.grid(small));
        time("12-lead page, 500 Hz", () -> EcgPlot.twelveLead(at500));
        time("60 s strip, 300 Hz", () -> EcgPlot.strip(cinc));
        time("three perspectives, 60 s at 300 Hz", () -> Perspectives.of(cinc, "ECG"));
        time("amplitude histograms, 12 leads at 500 Hz", () -> Charts.amplitudeHistogram(at500));
    }

    private static Spectrogram twelveLeadSpectrogram(EcgRecord record, int window) {
        return Stft.builder().window(Window.hann()).segment(window).overlap(window / 2).decibels(true).build()
                .apply(record.leads(), record.samplingRate());
    }

    private static void time(String name, Supplier<BufferedImage> render) {
        double cold = millis(render);
        double[] warm = new double[REPETITIONS];
        double[] withPng = new double[REPETITIONS];
        for (int i = 0; i < REPETITIONS; i++) {
            warm[i] = millis(render);
            withPng[i] = millis(() -> png(render.get()));
        }
        System.out.printf(Locale.ROOT, "%-44s %10.1f %10.1f %12.1f%n", name, cold, median(warm), median(withPng));
    }

    private static BufferedImage png(BufferedImage image) {
        try {
            ImageIO.write(image, "png", new ByteArrayOutputStream());
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double millis(Supplier<BufferedImage> render) {
        long start = System.nanoTime();
        render.get();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
