package org.ecgkit.cli;

import org.ecgkit.data.Workspace;
import org.ecgkit.journal.Journal;

import java.nio.file.Path;

/**
 * Prints the experiment journal as a table, one row per run (unreadable lines included, by line number): the last
 * thing the main command shows. Argument: the journal directory, default {@code <workspace>/runs}.
 */
public final class JournalTable {

    private JournalTable() {
    }

    public static void main(String[] args) {
        if (args.length > 1) {
            System.err.println("usage: JournalTable [JOURNAL_DIRECTORY]");
            System.exit(2);
        }
        Journal journal = Journal.open(args.length == 1 ? Path.of(args[0]) : Workspace.runs());
        System.out.println(journal.runs().printAll());
    }
}
