package org.ecgkit.data.wfdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed WFDB header file ({@code .hea}, header(5)): the record line, one {@link SignalSpec} per signal and the
 * comment lines ("#"), which may stand anywhere in the file and span several lines (PTB-XL and the PhysioNet
 * challenges put patient data there).
 *
 * @param recordName         the record's name, e.g. "00001_lr"
 * @param samplingFrequency  samples per second per signal (the specification's default 250 when not stated)
 * @param samplesPerSignal   samples in each signal; 0 when the header does not say (then the file size tells)
 * @param baseTime           "HH:MM:SS" as written, or "" when absent
 * @param baseDate           "DD/MM/YYYY" as written, or "" when absent
 * @param signals            the signal lines, in header order
 * @param comments           the comment lines without their leading "#", in file order
 */
public record WfdbHeader(String recordName, double samplingFrequency, long samplesPerSignal, String baseTime,
                         String baseDate, List<SignalSpec> signals, List<String> comments) {

    public static final double DEFAULT_SAMPLING_FREQUENCY = 250.0;

    // format[xsamples-per-frame][:skew][+byte-offset]
    private static final Pattern FORMAT = Pattern.compile("(\\d+)(?:x(\\d+))?(?::(\\d+))?(?:\\+(\\d+))?");
    // gain[(baseline)][/units]
    private static final Pattern GAIN = Pattern.compile("([-+]?[0-9.]+(?:[eE][-+]?\\d+)?)(?:\\(([-+]?\\d+)\\))?(?:/(\\S+))?");

    public WfdbHeader {
        signals = List.copyOf(signals);
        comments = List.copyOf(comments);
        if (samplingFrequency <= 0) {
            throw new IllegalArgumentException("record " + recordName + ": sampling frequency " + samplingFrequency
                    + " must be positive");
        }
    }

    public int signalCount() {
        return signals.size();
    }

    /** The signal descriptions (lead names), in header order. */
    public List<String> signalNames() {
        return signals.stream().map(SignalSpec::description).toList();
    }

    /** Reads {@code <record>.hea}; {@code record} may be given with or without the extension. */
    public static WfdbHeader read(Path record) {
        Path file = headerFile(record);
        try {
            return parse(Files.readAllLines(file, StandardCharsets.ISO_8859_1), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read WFDB header " + file, e);
        }
    }

    static Path headerFile(Path record) {
        String name = record.getFileName().toString();
        return name.endsWith(".hea") ? record : record.resolveSibling(name + ".hea");
    }

    /** Parses header lines; {@code source} names the file in error messages. */
    public static WfdbHeader parse(List<String> lines, String source) {
        List<String> comments = new ArrayList<>();
        List<String> content = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                comments.add(line.substring(1).strip());
            } else if (!line.isEmpty()) {
                content.add(line);
            }
        }
        if (content.isEmpty()) {
            throw new IllegalArgumentException(source + ": no record line");
        }
        String[] record = content.get(0).split("\\s+");
        String name = record[0];
        if (name.contains("/")) {
            throw new IllegalArgumentException(source + ": record " + name
                    + " is a multi-segment record, which the kit does not read");
        }
        int signalCount = record.length > 1 ? parseInt(record[1], "number of signals", source) : 0;
        double frequency = record.length > 2
                ? parseDouble(record[2].split("[/(]")[0], "sampling frequency", source) : DEFAULT_SAMPLING_FREQUENCY;
        long samples = record.length > 3 ? parseLong(record[3], "number of samples", source) : 0;
        String time = record.length > 4 ? record[4] : "";
        String date = record.length > 5 ? record[5] : "";
        if (content.size() - 1 != signalCount) {
            throw new IllegalArgumentException(source + ": the record line announces " + signalCount
                    + " signals but " + (content.size() - 1) + " signal lines follow");
        }
        List<SignalSpec> signals = new ArrayList<>();
        for (int s = 0; s < signalCount; s++) {
            signals.add(parseSignal(content.get(s + 1), source + " signal " + s));
        }
        return new WfdbHeader(name, frequency, samples, time, date, signals, comments);
    }

    private static SignalSpec parseSignal(String line, String source) {
        // The description is the rest of the line after the ninth field and may contain spaces.
        String[] f = line.split("\\s+", 10);
        if (f.length < 2) {
            throw new IllegalArgumentException(source + ": expected at least a file name and a format in '" + line + "'");
        }
        Matcher format = FORMAT.matcher(f[1]);
        if (!format.matches()) {
            throw new IllegalArgumentException(source + ": cannot read format field '" + f[1] + "'");
        }
        if (format.group(2) != null && Integer.parseInt(format.group(2)) != 1) {
            throw new IllegalArgumentException(source + ": " + format.group(2)
                    + " samples per frame (format '" + f[1] + "') is not supported; only one sample per frame");
        }
        if (format.group(3) != null && Integer.parseInt(format.group(3)) != 0) {
            throw new IllegalArgumentException(source + ": skew (format '" + f[1] + "') is not supported");
        }
        WfdbFormat wfdbFormat;
        try {
            wfdbFormat = WfdbFormat.ofCode(Integer.parseInt(format.group(1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        long offset = format.group(4) == null ? 0 : Long.parseLong(format.group(4));

        double gain = SignalSpec.DEFAULT_GAIN;
        Integer baseline = null;
        String units = "mV";
        if (f.length > 2) {
            Matcher g = GAIN.matcher(f[2]);
            if (!g.matches()) {
                throw new IllegalArgumentException(source + ": cannot read gain field '" + f[2] + "'");
            }
            gain = Double.parseDouble(g.group(1));
            baseline = g.group(2) == null ? null : Integer.valueOf(g.group(2));
            units = g.group(3) == null ? "mV" : g.group(3);
        }
        int resolution = f.length > 3 ? parseInt(f[3], "ADC resolution", source) : Math.min(12, wfdbFormat.bits());
        int zero = f.length > 4 ? parseInt(f[4], "ADC zero", source) : 0;
        OptionalInt initial = f.length > 5 ? OptionalInt.of(parseInt(f[5], "initial value", source)) : OptionalInt.empty();
        OptionalInt checksum = f.length > 6 ? OptionalInt.of(parseInt(f[6], "checksum", source)) : OptionalInt.empty();
        int blockSize = f.length > 7 ? parseInt(f[7], "block size", source) : 0;
        String description = f.length > 8 ? (f.length > 9 ? f[8] + " " + f[9] : f[8]) : "";
        return new SignalSpec(f[0], wfdbFormat, offset, gain, baseline == null ? zero : baseline, units, resolution,
                zero, initial, checksum, blockSize, description.strip());
    }

    /** The header as WFDB writes it: record line, signal lines, then comments. */
    public String toText() {
        StringBuilder text = new StringBuilder(recordName).append(' ').append(signals.size()).append(' ')
                .append(samplingFrequency == Math.rint(samplingFrequency)
                        ? Long.toString((long) samplingFrequency) : Double.toString(samplingFrequency))
                .append(' ').append(samplesPerSignal);
        if (!baseTime.isEmpty()) {
            text.append(' ').append(baseTime);
            if (!baseDate.isEmpty()) {
                text.append(' ').append(baseDate);
            }
        }
        text.append('\n');
        signals.forEach(signal -> text.append(signal.toHeaderLine()).append('\n'));
        comments.forEach(comment -> text.append("# ").append(comment).append('\n'));
        return text.toString();
    }

    private static int parseInt(String text, String field, String source) {
        return Math.toIntExact(parseLong(text, field, source));
    }

    private static long parseLong(String text, String field, String source) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": " + field + " '" + text + "' is not an integer", e);
        }
    }

    private static double parseDouble(String text, String field, String source) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": " + field + " '" + text + "' is not a number", e);
        }
    }
}
