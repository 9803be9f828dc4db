package org.ecgkit.model;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file all at once: readers see either the old content or the complete new one, never a torn write, even
 * when the process dies or the disk fills during the write.
 */
public final class AtomicFiles {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} through {@code writer}: into a temporary file in the same directory, synced to disk, then
     * renamed over {@code target}. If the writer throws, {@code target} is left as it was and the temporary file removed.
     */
    public static void write(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".partial");
        try {
            // A FileOutputStream, not a channel: channel writes abort when the thread's interrupt flag is set, and a
            // notebook interrupt must not cost the checkpoint being written.
            try (FileOutputStream file = new FileOutputStream(temporary.toFile())) {
                writer.write(new FilterOutputStream(file) {
                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        out.write(bytes, offset, length);
                    }

                    @Override
                    public void close() throws IOException {
                        flush(); // the writer may close its stream; the file still needs syncing
                    }
                });
                file.getFD().sync();
            }
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        syncDirectory(directory);
    }

    /** Makes the rename itself durable; best effort, since some file systems refuse to open directories. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("could not sync directory {}: {}", directory, e.toString());
        }
    }
}
