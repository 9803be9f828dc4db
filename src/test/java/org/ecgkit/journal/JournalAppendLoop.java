package org.ecgkit.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Appends entries to a journal as fast as it can, each in a new run folder: a process for
 * {@link JournalTest} to run twice at once. Arguments: journal directory, file holding one entry as JSON, the name
 * to give the entries, how many to append. Each entry's message is its number followed by padding, so that lines are
 * several kilobytes long and a torn or interleaved write would show.
 */
public final class JournalAppendLoop {

    public static void main(String[] args) throws Exception {
        Journal journal = Journal.open(Path.of(args[0]));
        RunRecord template = Json.LINE.fromJson(Files.readString(Path.of(args[1])), RunRecord.class);
        String name = args[2];
        int count = Integer.parseInt(args[3]);
        String padding = "x".repeat(8000);
        for (int i = 0; i < count; i++) {
            Path folder = journal.newRunFolder(LocalDate.of(2024, 1, 1), "concurrent");
            journal.append(Records.renamed(template, folder.getFileName().toString(), name, i + " " + padding));
        }
    }
}
