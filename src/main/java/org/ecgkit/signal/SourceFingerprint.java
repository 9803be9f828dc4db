package org.ecgkit.signal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies the content of a (possibly very large) source file cheaply, to tell whether derived data are stale:
 * size, modification time and a SHA-256 of 64 blocks of 64 KiB spread evenly over the file, the first block holding
 * the NPY header. Reading at most 4 MiB keeps the check instant for multi-gigabyte signal files; the trade-off is
 * that an edit confined to unsampled bytes that also restores the modification time and size would go unnoticed.
 */
record SourceFingerprint(long size, long modifiedMillis, String sampledSha256) {

    private static final int BLOCKS = 64;
    private static final int BLOCK_BYTES = 64 * 1024;

    static SourceFingerprint of(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer block = ByteBuffer.allocate(BLOCK_BYTES);
            long lastStart = Math.max(0, size - BLOCK_BYTES);
            for (int i = 0; i < BLOCKS; i++) {
                long position = lastStart * i / (BLOCKS - 1);
                block.clear();
                while (block.hasRemaining() && channel.read(block, position + block.position()) > 0) {
                    // keep reading until the block is full or the file ends
                }
                block.flip();
                sha.update(block);
            }
            return new SourceFingerprint(size, Files.getLastModifiedTime(file).toMillis(),
                    HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256", e);
        }
    }
}
