package org.ecgkit.plot;

import org.ecgkit.signal.AmplitudeSpectrum;
import org.ecgkit.signal.Detrend;
import org.ecgkit.signal.Scaling;
import org.ecgkit.signal.Spectrogram;
import org.ecgkit.signal.Stft;
import org.ecgkit.signal.Window;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;

/**
 * The "three perspectives" on one lead of a record, stacked: the waveform over time, its spectrogram directly below
 * on the same time axis (same pixels per second), and the amplitude spectrum of the whole lead.
 *
 * <pre>{@code
 * Perspectives.of(record, "II")                   // spectra computed here
 * Perspectives.of(record, "II", spectrogram)      // a spectrogram from org.ecgkit.signal, e.g. the model's input
 * }</pre>
 */
public final class Perspectives {

    private static final int LEFT = 70;
    private static final int PLOT_WIDTH = 720;
    private static final int TOP = 40;
    private static final int WAVEFORM_HEIGHT = 150;
    private static final int SPECTROGRAM_HEIGHT = 190;
    private static final int SPECTRUM_HEIGHT = 150;
    private static final int PANEL_TITLE_GAP = 24;
    private static final int AXIS_SPACE = 44;
    private static final int BAR_GAP = 16;
    private static final int BAR_WIDTH = 16;
    private static final int RIGHT = 90;
    /** How far below the spectrum's peak the amplitude axis reaches. */
    private static final double SPECTRUM_RANGE_DB = 80;
    private static final Color TRACE = new Color(0x1F3B73);
    private static final Font PANEL_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 12);

    private Perspectives() {
    }

    /** Waveform, spectrogram and spectrum of one lead, with the spectra computed from the record. */
    public static Figure of(EcgRecord record, String lead) {
        return of(record, lead, SpectrogramStyle.DEFAULT);
    }

    /** As {@link #of(EcgRecord, String)}, with e.g. {@code SpectrogramStyle.DEFAULT.withMaxFrequency(50)}. */
    public static Figure of(EcgRecord record, String lead, SpectrogramStyle style) {
        float[] samples = record.lead(lead);
        int window = defaultWindowLength(record.samplingRate(), samples.length);
        Stft stft = Stft.builder().window(Window.hann()).segment(window).overlap(window / 2).detrend(Detrend.NONE)
                .scaling(Scaling.DENSITY).decibels(true).build();
        return of(record, lead, stft.apply(new float[][] {samples}, record.samplingRate()), style);
    }

    /** A window of about half a second, rounded to a power of two: 256 samples at 500 Hz, 128 at 300, 64 at 100. */
    static int defaultWindowLength(double samplingRate, int signalLength) {
        int length = Integer.highestOneBit((int) Math.max(2, Math.round(samplingRate / 2 * 4 / 3)));
        return Math.min(length, Integer.highestOneBit(signalLength));
    }

    /**
     * Waveform and spectrum of one lead with a given spectrogram: one of the record's whole spectrogram (same lead
     * count, the same lead is shown) or of this lead alone (one lead).
     */
    public static Figure of(EcgRecord record, String lead, Spectrogram spectrogram) {
        return of(record, lead, spectrogram, SpectrogramStyle.DEFAULT);
    }

    public static Figure of(EcgRecord record, String lead, Spectrogram spectrogram, SpectrogramStyle style) {
        int index = record.leadIndex(lead);
        String name = record.leadNames().get(index);
        int spectrogramLeads = SpectrogramPlot.leadCount(spectrogram);
        int spectrogramLead;
        if (spectrogramLeads == record.leads().length) {
            spectrogramLead = index;
        } else if (spectrogramLeads == 1) {
            spectrogramLead = 0;
        } else {
            throw new IllegalArgumentException("record " + record.id() + " has " + record.leads().length
                    + " leads but the spectrogram has " + spectrogramLeads + "; pass the record's spectrogram or one"
                    + " of lead " + name + " alone");
        }
        float[] samples = record.leads()[index];
        AmplitudeSpectrum spectrum = AmplitudeSpectrum.of(samples, record.samplingRate());
        double[] colourRange = SpectrogramPlot.colourRange(spectrogram, spectrogramLead, style);

        Rectangle waveArea = new Rectangle(LEFT, TOP + PANEL_TITLE_GAP, PLOT_WIDTH, WAVEFORM_HEIGHT);
        Rectangle spectrogramArea = new Rectangle(LEFT, waveArea.y + waveArea.height + PANEL_TITLE_GAP, PLOT_WIDTH,
                SPECTROGRAM_HEIGHT);
        Rectangle spectrumArea = new Rectangle(LEFT, spectrogramArea.y + spectrogramArea.height + AXIS_SPACE
                + PANEL_TITLE_GAP, PLOT_WIDTH, SPECTRUM_HEIGHT);
        Rectangle bar = new Rectangle(LEFT + PLOT_WIDTH + BAR_GAP, spectrogramArea.y, BAR_WIDTH,
                spectrogramArea.height);

        // Waveform and spectrogram share one time axis covering both the samples and the spectrogram's frames.
        Axes spectrogramDefault = SpectrogramPlot.axes(spectrogram, spectrogramArea, style);
        double timeMin = Math.min(0, spectrogramDefault.xMin);
        double timeMax = Math.max(record.durationSeconds(), spectrogramDefault.xMax);
        Axes spectrogramAxes = new Axes(spectrogramArea, timeMin, timeMax, spectrogramDefault.yMin,
                spectrogramDefault.yMax);
        double[] times = new double[samples.length];
        double[] millivolts = new double[samples.length];
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < samples.length; i++) {
            times[i] = i / record.samplingRate();
            millivolts[i] = samples[i];
            low = Math.min(low, samples[i]);
            high = Math.max(high, samples[i]);
        }
        double pad = Math.max(0.05, (high - low) * 0.05);
        Axes waveAxes = new Axes(waveArea, timeMin, timeMax, low - pad, high + pad);

        double[] decibels = new double[spectrum.amplitude().length];
        double peak = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < decibels.length; k++) {
            decibels[k] = 20 * Math.log10(spectrum.amplitude()[k]);
            peak = Math.max(peak, decibels[k]);
        }
        if (!Double.isFinite(peak)) {
            peak = 0; // a constant lead: no spectrum above the floor to show, but still a readable empty axis
        }
        for (int k = 0; k < decibels.length; k++) {
            decibels[k] = Math.max(decibels[k], peak - 2 * SPECTRUM_RANGE_DB); // log10(0) = -inf breaks the path
        }
        double nyquist = record.samplingRate() / 2;
        Axes spectrumAxes = new Axes(spectrumArea, 0, Math.min(nyquist, style.maxFrequency()),
                peak - SPECTRUM_RANGE_DB, peak + 5);

        int width = bar.x + BAR_WIDTH + RIGHT;
        int height = spectrumArea.y + spectrumArea.height + AXIS_SPACE + 8;
        String title = record.id() + "  lead " + name + "  (" + EcgPlot.formatNumber(record.samplingRate())
                + " Hz, " + EcgPlot.formatNumber(record.durationSeconds()) + " s)";
        return new Figure(width, height, g -> {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            Axes.drawCentred(g, title, Axes.TITLE_FONT, LEFT + PLOT_WIDTH / 2.0, 22);

            panelTitle(g, "waveform", waveArea);
            waveAxes.drawGrid(g);
            waveAxes.drawLine(g, times, millivolts, TRACE, 1f);
            waveAxes.drawFrame(g);
            waveAxes.drawXAxis(g, null, false);
            waveAxes.drawYAxis(g, "mV", true, false);

            panelTitle(g, "spectrogram", spectrogramArea);
            SpectrogramPlot.paintHeatmap(g, spectrogramAxes, spectrogram, spectrogramLead, colourRange);
            spectrogramAxes.drawXAxis(g, "time (s)", true);
            spectrogramAxes.drawYAxis(g, "frequency (Hz)", true, false);
            SpectrogramPlot.paintColourBar(g, bar, colourRange, SpectrogramPlot.colourLabel(spectrogram));

            panelTitle(g, "amplitude spectrum (FFT of the whole lead)", spectrumArea);
            spectrumAxes.drawGrid(g);
            spectrumAxes.drawLine(g, spectrum.frequencies(), decibels, TRACE, 1f);
            spectrumAxes.drawFrame(g);
            spectrumAxes.drawXAxis(g, "frequency (Hz)", true);
            spectrumAxes.drawYAxis(g, "dB re 1 mV", true, false);
        });
    }

    private static void panelTitle(Graphics2D g, String text, Rectangle area) {
        g.setFont(PANEL_TITLE);
        g.setColor(Axes.FRAME);
        g.drawString(text, area.x, area.y - 7);
    }
}
