package org.ecgkit.data.wfdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads WFDB records: the header and its signal files in formats 16, 212, 80 and the "16+24" MATLAB v4 variant of
 * the PhysioNet/CinC 2017 challenge, de-interleaving the signals that share a file.
 *
 * <p>Integrity rules. A signal file whose size does not match the header (samples x signals x format) is an error
 * naming the record; so is a checksum mismatch. A checksum field of 0 is taken as "not recorded": the CinC 2017
 * headers carry 0 in every record while no record's samples sum to 0, so verifying it would reject the whole
 * database (a genuine checksum of 0, one record in 65,536, therefore goes unverified). An "initial value" that differs
 * from the first sample is only a warning: PhysioNet's own CinC 2017 files have 565 such records.
 */
public final class WfdbReader {

    private static final Logger LOG = LoggerFactory.getLogger(WfdbReader.class);

    private WfdbReader() {
    }

    /** Reads a record, logging its warnings; {@code record} is the path without extension or the .hea file. */
    public static WfdbRecord read(Path record) {
        return read(record, LOG::warn);
    }

    /** Reads a record, handing each warning to {@code warnings} (they are also kept in the returned record). */
    public static WfdbRecord read(Path record, Consumer<String> warnings) {
        Path headerFile = WfdbHeader.headerFile(record);
        WfdbHeader header = WfdbHeader.read(headerFile);
        Path folder = headerFile.toAbsolutePath().getParent();
        // Signals stored in the same file are interleaved; group them in header order.
        Map<String, List<Integer>> byFile = new LinkedHashMap<>();
        for (int s = 0; s < header.signalCount(); s++) {
            byFile.computeIfAbsent(header.signals().get(s).fileName(), f -> new ArrayList<>()).add(s);
        }
        int[][] samples = new int[header.signalCount()][];
        long length = header.samplesPerSignal();
        for (Map.Entry<String, List<Integer>> file : byFile.entrySet()) {
            int[][] read = readFile(header, folder.resolve(file.getKey()), file.getValue());
            for (int i = 0; i < read.length; i++) {
                samples[file.getValue().get(i)] = read[i];
            }
            if (length == 0) {
                length = read[0].length;
            } else if (read[0].length != length) {
                throw new IllegalArgumentException("record " + header.recordName() + ": " + file.getKey() + " holds "
                        + read[0].length + " samples per signal but other files hold " + length);
            }
        }
        List<String> found = new ArrayList<>();
        for (int s = 0; s < samples.length; s++) {
            verify(header, s, samples[s], found);
        }
        found.forEach(warnings);
        return new WfdbRecord(header, samples, found);
    }

    private static int[][] readFile(WfdbHeader header, Path file, List<Integer> signals) {
        SignalSpec first = header.signals().get(signals.get(0));
        for (int s : signals) {
            SignalSpec spec = header.signals().get(s);
            if (spec.format() != first.format() || spec.byteOffset() != first.byteOffset()) {
                throw new IllegalArgumentException("record " + header.recordName() + ": signals sharing "
                        + file.getFileName() + " must share format and byte offset (signal " + s + " differs)");
            }
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("record " + header.recordName() + ": cannot read signal file " + file, e);
        }
        int width = signals.size();
        WfdbFormat format = first.format();
        long available = bytes.length - first.byteOffset();
        long frames = header.samplesPerSignal();
        if (frames == 0) {
            frames = format.samplesIn(available) / width;
        }
        long expected = format.byteCount(frames * width);
        // A format-212 file with an odd sample count may carry the full last three-byte group.
        boolean padded212 = format == WfdbFormat.FORMAT_212 && (frames * width) % 2 == 1 && available == expected + 1;
        if (available != expected && !padded212) {
            throw new IllegalArgumentException("record " + header.recordName() + ": " + file.getFileName() + " holds "
                    + available + " bytes after its " + first.byteOffset() + "-byte offset but " + width
                    + " signal(s) x " + frames + " samples in format " + format.code() + " need " + expected);
        }
        if (file.getFileName().toString().endsWith(".mat") && first.byteOffset() > 0) {
            MatlabV4.check("record " + header.recordName() + ": " + file.getFileName() + " ", bytes,
                    first.byteOffset(), width, frames);
        }
        int[] flat = new int[Math.toIntExact(frames * width)];
        format.decode(bytes, (int) first.byteOffset(), flat);
        int[][] out = new int[width][Math.toIntExact(frames)];
        for (int t = 0, p = 0; t < frames; t++) {
            for (int s = 0; s < width; s++) {
                out[s][t] = flat[p++];
            }
        }
        return out;
    }

    private static void verify(WfdbHeader header, int s, int[] samples, List<String> warnings) {
        SignalSpec spec = header.signals().get(s);
        String signal = "record " + header.recordName() + " signal " + s + " (" + spec.description() + ")";
        if (spec.checksum().isPresent() && spec.checksum().getAsInt() != 0) {
            int sum = 0;
            for (int v : samples) {
                sum += v;
            }
            if ((sum & 0xFFFF) != (spec.checksum().getAsInt() & 0xFFFF)) {
                throw new IllegalArgumentException(signal + ": checksum mismatch, header says "
                        + spec.checksum().getAsInt() + " but the samples sum to " + (short) sum
                        + " (16-bit); the signal file is damaged or belongs to another header");
            }
        }
        if (spec.initialValue().isPresent() && samples.length > 0 && samples[0] != spec.initialValue().getAsInt()) {
            warnings.add(signal + ": header initial value " + spec.initialValue().getAsInt()
                    + " differs from the first sample " + samples[0]);
        }
    }
}
