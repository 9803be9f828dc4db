package org.ecgkit.data.convert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.ecgkit.data.Manifest;

/**
 * Decides whether a converted dataset is still valid: its {@value #FILE_NAME} records the fingerprint of the source
 * files and the conversion options, and a later conversion with the same of both is skipped.
 *
 * <p>The fingerprint hashes the content of the small text files (database CSVs, WFDB headers, whose checksums cover
 * the samples where they are recorded) and the size and modification time of each signal file, so that it costs
 * milliseconds instead of reading gigabytes again. Copying the sources elsewhere therefore means one reconversion.
 */
public final class ConversionCache {

    public static final String FILE_NAME = "conversion.json";

    private final Path output;
    private final String fingerprint;
    private final String options;
    private final long startNanos = System.nanoTime();

    private ConversionCache(Path output, String fingerprint, String options) {
        this.output = output;
        this.fingerprint = fingerprint;
        this.options = options;
    }

    /**
     * @param output     the dataset folder
     * @param textFiles  files hashed by content
     * @param dataFiles  files represented by name, size and modification time
     * @param options    the conversion options as text (a record's {@code toString()} does)
     */
    public static ConversionCache of(Path output, List<Path> textFiles, List<Path> dataFiles, String options) {
        MessageDigest digest = sha256();
        try {
            for (Path file : textFiles) {
                digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
            for (Path file : dataFiles) {
                digest.update((file.getFileName() + ":" + Files.size(file) + ":" + Files.getLastModifiedTime(file))
                        .getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fingerprint source file: " + e.getMessage(), e);
        }
        return new ConversionCache(output, HexFormat.of().formatHex(digest.digest()), options);
    }

    public String fingerprint() {
        return fingerprint;
    }

    /**
     * The earlier conversion's result when the output holds a complete dataset converted from the same sources with
     * the same options; empty when it must be converted (again).
     */
    public Optional<ConversionResult> cached() {
        Path file = output.resolve(FILE_NAME);
        if (!Files.isRegularFile(file) || !Files.isRegularFile(output.resolve(Manifest.FILE_NAME))) {
            return Optional.empty();
        }
        try {
            JsonObject json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            if (!fingerprint.equals(json.get("source_fingerprint").getAsString())
                    || !options.equals(json.get("options").getAsString())) {
                return Optional.empty();
            }
            List<String> notes = new ArrayList<>();
            json.getAsJsonArray("notes").forEach(note -> notes.add(note.getAsString()));
            return Optional.of(new ConversionResult(output, json.get("records").getAsInt(), true, notes,
                    elapsedSeconds()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable record of a conversion means: convert again
        }
    }

    /** Removes the record before a conversion starts, so that an interrupted one is never taken as up to date. */
    public void invalidate() {
        try {
            Files.deleteIfExists(output.resolve(FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + output.resolve(FILE_NAME), e);
        }
    }

    /** Records a finished conversion and returns its result. */
    public ConversionResult record(int records, List<String> notes) {
        JsonObject json = new JsonObject();
        json.addProperty("source_fingerprint", fingerprint);
        json.addProperty("options", options);
        json.addProperty("records", records);
        JsonArray noteArray = new JsonArray();
        notes.forEach(noteArray::add);
        json.add("notes", noteArray);
        try {
            Files.writeString(output.resolve(FILE_NAME), json + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output.resolve(FILE_NAME), e);
        }
        return new ConversionResult(output, records, false, notes, elapsedSeconds());
    }

    /** Seconds since this conversion started (when the cache was consulted). */
    private double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
