package org.ecgkit.journal;

import com.google.gson.JsonParseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code journal.jsonl}: one JSON object per line, appended under an exclusive file lock with a single write
 * followed by fsync, so two processes appending at once never interleave or lose a line, and a crash mid-write
 * can only leave the last line incomplete. Reading reports such a line, with its number, instead of dropping it;
 * the next append starts on a new line, so entries written after it stay readable.
 */
final class JournalFile {

    /** File locks belong to the process: threads of one JVM must take turns before asking the OS for the lock. */
    private static final Object IN_PROCESS = new Object();

    /** The readable entries and, for each unreadable line, a sentence naming its number. */
    record Lines(List<RunRecord> records, List<String> problems) {
    }

    private JournalFile() {
    }

    static void append(Path file, String json) {
        if (json.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a journal entry must be one line");
        }
        // Channels are closed by an interrupt; the entry of an interrupted run must still be written.
        boolean interrupted = Thread.interrupted();
        try {
            synchronized (IN_PROCESS) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                     FileLock lock = channel.lock()) {
                    long end = channel.size();
                    boolean afterTornLine = end > 0 && lastByte(channel, end) != '\n';
                    ByteBuffer line = ByteBuffer.wrap(((afterTornLine ? "\n" : "") + json + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                    while (line.hasRemaining()) {
                        end += channel.write(line, end);
                    }
                    channel.force(false);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the journal " + file, e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int lastByte(FileChannel channel, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0);
    }

    /** Every line of the journal, read under a shared lock so that no append is seen half-done. */
    static Lines read(Path file) {
        byte[] bytes;
        boolean interrupted = Thread.interrupted();
        try {
            synchronized (IN_PROCESS) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                     FileLock lock = channel.lock(0, Long.MAX_VALUE, true)) {
                    ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(channel.size()));
                    while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
                        // read until full
                    }
                    bytes = buffer.array();
                }
            }
        } catch (NoSuchFileException e) {
            return new Lines(List.of(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal " + file, e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        List<RunRecord> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            String problem;
            try {
                RunRecord record = Json.LINE.fromJson(line, RunRecord.class);
                String missing = record == null ? "everything" : record.missingField();
                if (missing == null) {
                    records.add(record);
                    continue;
                }
                problem = "the entry has no " + missing;
            } catch (JsonParseException e) {
                problem = "not a complete JSON object (" + firstLine(e.getMessage()) + ")";
            } catch (RuntimeException e) { // a record's constructor refused a value
                problem = "an invalid entry (" + firstLine(String.valueOf(e.getMessage())) + ")";
            }
            problems.add(String.format(Locale.ROOT, "%s line %d is unreadable: %s; %,d characters, starting %s",
                    file.getFileName(), i + 1, problem, line.length(), abbreviate(line)));
        }
        return new Lines(records, problems);
    }

    private static String firstLine(String message) {
        return message == null ? "no detail" : message.lines().findFirst().orElse("no detail");
    }

    private static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 60) + "…";
    }
}
