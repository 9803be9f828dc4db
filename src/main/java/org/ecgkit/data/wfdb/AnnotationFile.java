package org.ecgkit.data.wfdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Reads and writes WFDB annotation files in the MIT format (annot(5), e.g. {@code 100.atr}): a stream of 16-bit
 * little-endian words, each a 6-bit code and a 10-bit field. Codes 1..49 are annotations whose field is the interval
 * in samples since the previous one; the pseudo-codes modify them: SKIP (a 32-bit interval follows, for gaps over
 * 1023 samples), NUM, SUB and CHN (set the last annotation's num, subtype, channel; num and channel carry over to the
 * following annotations) and AUX (a byte count, then that many bytes, padded to even length). A zero word ends the
 * file. Hand-written because no maintained Java library reads WFDB.
 */
public final class AnnotationFile {

    private static final int SKIP = 59;
    private static final int NUM = 60;
    private static final int SUB = 61;
    private static final int CHN = 62;
    private static final int AUX = 63;
    private static final int MAX_INTERVAL = 0x3FF;

    private AnnotationFile() {
    }

    /** Reads all annotations of {@code file}, in file order. */
    public static List<Annotation> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read annotation file " + file, e);
        }
        return parse(bytes, file.toString());
    }

    static List<Annotation> parse(byte[] bytes, String source) {
        List<Annotation> out = new ArrayList<>();
        long time = 0;
        int number = 0;
        int channel = 0;
        int p = 0;
        while (true) {
            if (p + 2 > bytes.length) {
                throw new IllegalArgumentException(source + ": ends at byte " + p
                        + " without the terminating zero word (truncated?)");
            }
            int word = (bytes[p] & 0xFF) | ((bytes[p + 1] & 0xFF) << 8);
            p += 2;
            int code = word >>> 10;
            int field = word & MAX_INTERVAL;
            if (word == 0) {
                return out;
            }
            switch (code) {
                case SKIP -> {
                    if (p + 4 > bytes.length) {
                        throw new IllegalArgumentException(source + ": SKIP at byte " + (p - 2) + " is truncated");
                    }
                    // PDP-11 long: high 16-bit word first, each word little-endian.
                    int high = (bytes[p] & 0xFF) | ((bytes[p + 1] & 0xFF) << 8);
                    int low = (bytes[p + 2] & 0xFF) | ((bytes[p + 3] & 0xFF) << 8);
                    time += (high << 16) | low;
                    p += 4;
                }
                case NUM -> {
                    number = field;
                    replaceLast(out, source, p, a -> new Annotation(a.sample(), a.code(), a.subtype(), a.channel(),
                            field, a.aux()));
                }
                case SUB -> replaceLast(out, source, p, a -> new Annotation(a.sample(), a.code(), field, a.channel(),
                        a.number(), a.aux()));
                case CHN -> {
                    channel = field;
                    replaceLast(out, source, p, a -> new Annotation(a.sample(), a.code(), a.subtype(), field,
                            a.number(), a.aux()));
                }
                case AUX -> {
                    if (p + field > bytes.length) {
                        throw new IllegalArgumentException(source + ": AUX of " + field + " bytes at byte " + (p - 2)
                                + " runs past the end of the file");
                    }
                    String text = new String(bytes, p, field, StandardCharsets.ISO_8859_1);
                    p += field + (field & 1);
                    replaceLast(out, source, p, a -> a.withAux(text));
                }
                default -> {
                    if (code > Annotation.MAX_CODE) {
                        throw new IllegalArgumentException(source + ": unknown pseudo-annotation code " + code
                                + " at byte " + (p - 2));
                    }
                    time += field;
                    out.add(new Annotation(time, code, 0, channel, number, ""));
                }
            }
        }
    }

    private static void replaceLast(List<Annotation> out, String source, int position,
                                    java.util.function.UnaryOperator<Annotation> change) {
        if (out.isEmpty()) {
            throw new IllegalArgumentException(source + ": a modifier word before byte " + position
                    + " precedes the first annotation");
        }
        out.set(out.size() - 1, change.apply(out.get(out.size() - 1)));
    }

    /** Writes annotations (sorted by sample) in the MIT format, emitting NUM and CHN only where they change. */
    public static void write(Path file, List<Annotation> annotations) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long time = 0;
        int number = 0;
        int channel = 0;
        for (Annotation a : annotations) {
            long interval = a.sample() - time;
            if (interval < 0) {
                throw new IllegalArgumentException(file + ": annotations must be sorted by sample; " + a.sample()
                        + " follows " + time);
            }
            if (interval > MAX_INTERVAL) {
                word(out, SKIP, 0);
                word(out, (int) (interval >>> 16) & 0xFFFF);
                word(out, (int) interval & 0xFFFF);
                interval = 0;
            }
            word(out, a.code(), (int) interval);
            time = a.sample();
            if (a.subtype() != 0) {
                word(out, SUB, a.subtype());
            }
            if (a.channel() != channel) {
                word(out, CHN, a.channel());
                channel = a.channel();
            }
            if (a.number() != number) {
                word(out, NUM, a.number());
                number = a.number();
            }
            if (!a.aux().isEmpty()) {
                byte[] text = a.aux().getBytes(StandardCharsets.ISO_8859_1);
                if (text.length > MAX_INTERVAL) {
                    throw new IllegalArgumentException("aux text at sample " + a.sample() + " is longer than "
                            + MAX_INTERVAL + " bytes");
                }
                word(out, AUX, text.length);
                out.writeBytes(text);
                if ((text.length & 1) == 1) {
                    out.write(0);
                }
            }
        }
        word(out, 0);
        try {
            Files.write(file, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write annotation file " + file, e);
        }
    }

    /** The annotations as a table: sample, symbol, code, subtype, channel, number, aux. */
    public static Table table(String name, List<Annotation> annotations) {
        return Table.create(name,
                LongColumn.create("sample", annotations.stream().mapToLong(Annotation::sample)),
                StringColumn.create("symbol", annotations.stream().map(Annotation::symbol)),
                IntColumn.create("code", annotations.stream().mapToInt(Annotation::code).toArray()),
                IntColumn.create("subtype", annotations.stream().mapToInt(Annotation::subtype).toArray()),
                IntColumn.create("channel", annotations.stream().mapToInt(Annotation::channel).toArray()),
                IntColumn.create("number", annotations.stream().mapToInt(Annotation::number).toArray()),
                StringColumn.create("aux", annotations.stream().map(Annotation::aux)));
    }

    private static void word(ByteArrayOutputStream out, int code, int field) {
        word(out, (code << 10) | field);
    }

    private static void word(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write((value >>> 8) & 0xFF);
    }
}
